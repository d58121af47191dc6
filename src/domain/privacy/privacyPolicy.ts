// How long Drypp keeps what, per tenant: the legal holds erasure respects and the retention periods
// for people who have left. Set by the organisation in content/privacy.yaml; pure types and rules.
import { z } from 'zod';
import type { LegalHolds } from './personalData.ts';

export interface Retention {
  /** Learning records of people who left the directory are removed this many months after they left. */
  learningRecordsMonths: number;
  /** Certificate records of people who left, this many months after they left (archive rules). */
  certificatesMonths: number;
}

export interface PrivacyPolicy {
  /** What erasure keeps, by hold name (`certificates`), and for how many years after it was made. */
  legalHolds: LegalHolds;
  retention: Retention;
}

/** Without a privacy file: nothing under a hold, leavers' records removed after 12 months. */
export const DEFAULT_PRIVACY_POLICY: PrivacyPolicy = {
  legalHolds: {},
  retention: { learningRecordsMonths: 12, certificatesMonths: 12 },
};

const months = z.int().min(1).max(1200);
const PolicyPartSchema = z.strictObject({
  legalHolds: z
    .record(z.enum(['certificates']), z.strictObject({ years: z.int().min(1).max(100) }))
    .optional(),
  retention: z
    .strictObject({ learningRecordsMonths: months.optional(), certificatesMonths: months.optional() })
    .optional(),
});
type PolicyPart = z.infer<typeof PolicyPartSchema>;

const tenantId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: 'a tenant id is a GUID',
});

/** content/privacy.yaml: `default:` for every tenant, `tenants:` <tenant id> for what differs. */
export const PrivacyFileSchema = z.strictObject({
  default: PolicyPartSchema.optional(),
  tenants: z.record(tenantId, PolicyPartSchema).optional(),
});
export type PrivacyFile = z.infer<typeof PrivacyFileSchema>;

/** The tenant's policy: the tenant's own entries over the file's default over Drypp's default. */
export type PrivacyPolicies = (tenantId: string) => PrivacyPolicy;

export function privacyPoliciesOf(file: PrivacyFile = {}): PrivacyPolicies {
  const merge = (base: PrivacyPolicy, part: PolicyPart | undefined): PrivacyPolicy => ({
    legalHolds: { ...base.legalHolds, ...part?.legalHolds },
    retention: { ...base.retention, ...part?.retention },
  });
  const fallback = merge(DEFAULT_PRIVACY_POLICY, file.default);
  const byTenant = new Map(
    Object.entries(file.tenants ?? {}).map(([id, part]) => [id.toLowerCase(), merge(fallback, part)]),
  );
  return (id) => byTenant.get(id.toLowerCase()) ?? fallback;
}

/** Whether a row made on `madeOn` (ISO date) is still under a hold of `years` on `now`. */
export function stillHeld(madeOn: string, years: number, now: Date): boolean {
  const until = new Date(madeOn);
  if (Number.isNaN(until.getTime())) return true; // unreadable: keep, an operator decides
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until.getTime() > now.getTime();
}

/** Whether `months` have passed since `since` (ISO instant) on `now`: a leaver's records are due. */
export function monthsPassed(since: string, months: number, now: Date): boolean {
  const due = new Date(since);
  if (Number.isNaN(due.getTime())) return false; // unreadable: keep, an operator decides
  due.setUTCMonth(due.getUTCMonth() + months);
  return due.getTime() <= now.getTime();
}
