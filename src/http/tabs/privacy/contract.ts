// The Admin tab's privacy section (POST /api/tab/privacy/export and /erase): one person's data, exported
// or erased (GDPR art. 15 and 17). Types only: the tab front end imports this file, and nothing else
// of the server's.

/** Whom the request is about: their UPN (`adele@contoso.example`) or Entra object id. */
export interface PrivacyExportBody {
  user: string;
  /** A case or ticket number for the audit row (`DPO-2026-17`); never a name or an address. Default `hr-admin`. */
  reference?: string;
}

export interface PrivacyEraseBody extends PrivacyExportBody {
  /**
   * The person's UPN typed a second time; refused (400, path `confirm`) unless it matches. For
   * someone erased before, whom only their object id still finds, the object id again.
   */
  confirm: string;
}

/** One stored row about the person: their own, or another's row that names them (their part only). */
export interface PrivacyExportRow {
  partitionKey: string;
  rowKey: string;
  role: 'own' | 'mentioned';
  fields: Record<string, unknown>;
}

/**
 * The export, sent as a JSON attachment: a readable summary first (in the caller's language), then
 * every row, grouped by table, as `drypp privacy export` writes it.
 */
export interface PrivacyExportFile {
  summary: {
    lines: string[];
    tables: Array<{ table: string; own: number; mentioned: number }>;
  };
  requestId: string;
  person: { tenantId: string; personId: string };
  exportedAt: string;
  tables: Record<string, PrivacyExportRow[]>;
}

export interface PrivacyErasureCountsView {
  deleted: number;
  anonymised: number;
  /** Kept under a legal hold. */
  kept: number;
}

/** What an erasure did: counts only, never a name. */
export interface PrivacyEraseResponse {
  requestId: string;
  erasedAt: string;
  /** The person was erased before (found by object id only); this run finished whatever was left. */
  erasedBefore: boolean;
  totals: PrivacyErasureCountsView;
  tables: Array<{ table: string } & PrivacyErasureCountsView>;
  /** Legal holds that kept rows: their name, years and how many rows each kept. */
  holds: Array<{ hold: string; years: number; kept: number }>;
}
