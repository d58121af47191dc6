/**
 * The tab API's wire contract for certificates (My team's and the Admin tab's views): types only,
 * no imports, so tabs/ can import this file as it does src/http/tabs/contract.ts. Calendar days are
 * `YYYY-MM-DD`, in the tenant's calendar (a certificate is valid through the whole of its last day).
 */

/** Never certified: assigned (not due yet) or overdue; certified, with the renewal window open, expired. */
export type CertificateStatusView = 'assigned' | 'overdue' | 'certified' | 'renewalOpen' | 'expired';

export type ExpiryHorizonView = 30 | 60 | 90;

export interface CertificateView {
  certificationId: string;
  /** In the caller's language where the certification has it. */
  title: string;
  status: CertificateStatusView;
  /** When the first certification is (or was) due. */
  dueOn: string;
  /** The last valid day of the current (or last) certificate. */
  validUntil?: string;
  /** Valid ones only: days left after today (0: today is its last valid day). */
  daysLeft?: number;
  /** Valid ones only: the smallest of 30, 60, 90 days it runs out within. */
  expiresWithin?: ExpiryHorizonView;
  /** Certificates held so far: 0 is "never completed", told apart from "expired" (renewal reset). */
  cycles: number;
}

/** How many certificates stand where; `expiring60` counts those of `expiring30` too, and so on. */
export interface CertificateCountsView {
  valid: number;
  windowOpen: number;
  expiring30: number;
  expiring60: number;
  expiring90: number;
  expired: number;
  assigned: number;
  overdue: number;
}

/**
 * GET /api/tab/my-team/certificates → 200 TeamCertificatesResponse (403 for someone with no reports):
 * each of the caller's people (direct and indirect) who holds or must hold a certification, most
 * urgent first. `nudge` on a person is My team's nudge (POST /api/tab/my-team/people/:id/nudge: at
 * most one per person per week).
 */
export interface TeamCertificatesResponse {
  today: string;
  counts: CertificateCountsView;
  people: TeamCertificatePersonView[];
  actions: Array<'viewMyTeam'>;
}

export interface TeamCertificatePersonView {
  id: string;
  displayName: string;
  jobTitle?: string;
  certificates: CertificateView[];
  actions: Array<'nudge'>;
}

/**
 * GET /api/tab/admin/certificates?certification=<id>&expiringWithin=<days> → 200
 * OrganisationCertificatesResponse (403 for anyone but HR admins): the whole organisation's
 * certificates, filtered (both optional; `expiringWithin` keeps valid ones that run out within that
 * many days, 1–3650). The rows are the most urgent `rows.length` of `total`; the export has them all.
 *
 * GET /api/tab/admin/certificates/export.csv (same filters) → text/csv, every row, UTF-8 with a BOM;
 * cells that a spreadsheet would run as a formula start with `'`.
 */
export interface OrganisationCertificatesResponse {
  today: string;
  counts: CertificateCountsView;
  /** Valid certificates by month of expiry (`YYYY-MM`), this month and the 11 after; by the certification filter only. */
  expiriesByMonth: Array<{ month: string; count: number }>;
  /** Every certification in the content, for the filter. */
  certifications: Array<{ id: string; title: string }>;
  rows: OrganisationCertificateRowView[];
  total: number;
  actions: Array<'exportCertificates'>;
}

export interface OrganisationCertificateRowView extends CertificateView {
  userId: string;
  displayName: string;
  department?: string;
}
