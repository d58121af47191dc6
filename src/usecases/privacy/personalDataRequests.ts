import type { Clock } from '../../domain/platform/clock.ts';
import type { ErasureCounts, LegalHolds, PersonRef, PersonalRow } from '../../domain/privacy/personalData.ts';
import type { PersonalDataStore, PseudonymStore } from './ports.ts';

export interface PrivacyDeps {
  clock: Clock;
  personalData: PersonalDataStore;
  pseudonyms: PseudonymStore;
  /** Tombstones: directory sync and queued work leave an erased person alone. */
  erased: { markErased(person: PersonRef, at: Date): Promise<void> };
  legalHolds: LegalHolds;
}

/** Everything Drypp holds about one person (GDPR art. 15), grouped by table, with counts to summarise. */
export interface PersonExport {
  person: PersonRef;
  exportedAt: string;
  tables: Record<string, Array<Omit<PersonalRow, 'table'>>>;
}

export async function exportPersonalData(deps: PrivacyDeps, person: PersonRef): Promise<PersonExport> {
  const rows = await deps.personalData.exportPerson(person);
  const tables: PersonExport['tables'] = {};
  for (const { table, ...row } of rows) (tables[table] ??= []).push(row);
  return { person, exportedAt: deps.clock.now().toISOString(), tables };
}

/** What an erasure did, per table: counts only, never a name or an id. */
export interface ErasureReport {
  erasedAt: string;
  tables: Record<string, ErasureCounts>;
}

/**
 * Erases one person (GDPR art. 17): every table's rows about them deleted or anonymised, except what
 * a legal hold keeps; their xAPI pseudonym forgotten; a tombstone so that directory sync and queued
 * work do not bring them back. The tombstone goes first: a crash part-way leaves them marked, and
 * running it again finishes the rest (every step is safe to repeat).
 */
export async function erasePerson(deps: PrivacyDeps, person: PersonRef): Promise<ErasureReport> {
  const now = deps.clock.now();
  await deps.erased.markErased(person, now);
  const tables = await deps.personalData.erasePerson(person, { now, holds: deps.legalHolds });
  await deps.pseudonyms.forget(person);
  return { erasedAt: now.toISOString(), tables };
}
