// A request about one person's data (export, erasure) as the audit trail records it: what, when,
// through which door, and a reference to who asked that names nobody. Pure.

export type PrivacyRequestKind = 'export' | 'erasure';
/** Where the request was made: the CLI (an operator) or the Admin tab (an HR admin). */
export type PrivacyRequestChannel = 'cli' | 'adminTab';

export interface PrivacyRequest {
  /** A random id, also in the answer to whoever asked: it links the request to its audit row. */
  requestId: string;
  kind: PrivacyRequestKind;
  via: PrivacyRequestChannel;
  /**
   * Who asked, without personal data: a case or ticket number from the organisation's own records
   * (`DPO-2026-17`), or the channel's role when none was given (`hr-admin`, `operator`).
   */
  reference: string;
}

/** Letters, digits and a few separators: a case number, never an e-mail address or a name with spaces. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}$/;
const OBJECT_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Whether a reference may go into the audit row: one that could name a person is refused. */
export function referenceProblem(reference: string): 'tooLong' | 'notAReference' | undefined {
  if (reference.length > 64) return 'tooLong';
  if (!REFERENCE.test(reference) || OBJECT_ID.test(reference)) return 'notAReference';
  return undefined;
}

/** What a legal hold kept in one erasure: the hold's years and how many rows it kept. */
export type HoldsApplied = Record<string, { years: number; kept: number }>;
