// What Drypp holds about a person, as the data-protection officer sees it: rows found in the tables,
// and what erasing one of them does. Pure types and rules.

/** A person in one tenant, by Entra object id. */
export interface PersonRef {
  tenantId: string;
  personId: string;
}

/**
 * How a row relates to the person: their own (their progress, their conversation), or someone else's
 * row that names them (a request they decided as a manager, a report listed under them).
 */
export type RowRole = 'own' | 'mentioned';

/** One stored row about a person, as stored (SDK fields such as the ETag are left out). */
export interface PersonalRow {
  table: string;
  partitionKey: string;
  rowKey: string;
  role: RowRole;
  fields: Record<string, unknown>;
}

/** The value that replaces a person's id in someone else's row when the person is erased. */
export const ERASED = 'erased';

/**
 * What erasing one row does: delete it, keep it (a legal hold: certificates under archive rules),
 * or write it back with the person's traces replaced (`fields` is the whole new row).
 */
export type EraseDecision =
  | { action: 'delete' }
  | { action: 'keep'; hold: string }
  | { action: 'anonymise'; fields: Record<string, unknown> };

/** Legal holds, by name: how many years rows under that hold are kept after they were made. */
export type LegalHolds = Readonly<Record<string, { years: number }>>;

export interface EraseContext {
  now: Date;
  holds: LegalHolds;
}

/** Counts of one erasure, per table: never a name or an id, so it may go into the audit row and logs. */
export interface ErasureCounts {
  deleted: number;
  anonymised: number;
  kept: number;
  /** Of `kept`, how many each legal hold kept. */
  keptUnder?: Record<string, number>;
}

/** Replaces every field whose value is the person's id with ERASED: their trace in another's row. */
export function withoutPerson(fields: Record<string, unknown>, personId: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === personId ? ERASED : v]));
}
