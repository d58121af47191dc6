import type { Clock } from '../../domain/platform/clock.ts';
import type { ErasureCounts, PersonRef, PersonalRow } from '../../domain/privacy/personalData.ts';
import type { PrivacyPolicies } from '../../domain/privacy/privacyPolicy.ts';
import type { HoldsApplied, PrivacyRequest } from '../../domain/privacy/privacyRequest.ts';
import type { PersonalDataStore, PrivacyAuditLog, PseudonymStore } from './ports.ts';

export interface PrivacyDeps {
  clock: Clock;
  personalData: PersonalDataStore;
  pseudonyms: PseudonymStore;
  /** Tombstones: directory sync and queued work leave an erased person alone. */
  erased: { markErased(person: PersonRef, at: Date): Promise<void> };
  /** The tenant's legal holds (content/privacy.yaml). */
  policies: PrivacyPolicies;
  audit: PrivacyAuditLog;
  /**
   * Runs the erasure while no directory round runs for the tenant (their lease): a round that read
   * the tombstones before this erasure began could otherwise enrol the person again behind it.
   */
  outsideDirectoryRounds<T>(tenantId: string, work: () => Promise<T>): Promise<T>;
}

/** Everything Drypp holds about one person (GDPR art. 15), grouped by table, with counts to summarise. */
export interface PersonExport {
  requestId: string;
  person: PersonRef;
  exportedAt: string;
  tables: Record<string, Array<Omit<PersonalRow, 'table'>>>;
}

export async function exportPersonalData(
  deps: PrivacyDeps,
  person: PersonRef,
  request: Omit<PrivacyRequest, 'kind'>,
): Promise<PersonExport> {
  const now = deps.clock.now();
  await deps.audit.started(person.tenantId, { ...request, kind: 'export' }, now);
  const rows = await deps.personalData.exportPerson(person);
  const tables: PersonExport['tables'] = {};
  for (const { table, ...row } of rows) (tables[table] ??= []).push(row);
  await deps.audit.completed(person.tenantId, request.requestId, deps.clock.now(), {
    tables: Object.fromEntries(Object.entries(tables).map(([t, r]) => [t, { rows: r.length }])),
  });
  return { requestId: request.requestId, person, exportedAt: now.toISOString(), tables };
}

/** What an erasure did, per table and per legal hold: counts only, never a name or an id. */
export interface ErasureReport {
  requestId: string;
  erasedAt: string;
  tables: Record<string, ErasureCounts>;
  /** The holds that kept rows: each with its years and how many rows it kept. */
  holds: HoldsApplied;
}

/**
 * Erases one person (GDPR art. 17): every table's rows about them deleted or anonymised, except what
 * the tenant's legal holds keep; their xAPI pseudonym forgotten; a tombstone so that directory sync
 * and queued work do not bring them back; an audit row that names nobody. The audit row and the
 * tombstone go first: a crash part-way leaves the request on record (not completed) and the person
 * marked, and running it again finishes the rest (every step is safe to repeat).
 */
export async function erasePerson(
  deps: PrivacyDeps,
  person: PersonRef,
  request: Omit<PrivacyRequest, 'kind'>,
): Promise<ErasureReport> {
  return deps.outsideDirectoryRounds(person.tenantId, () => eraseNow(deps, person, request));
}

async function eraseNow(
  deps: PrivacyDeps,
  person: PersonRef,
  request: Omit<PrivacyRequest, 'kind'>,
): Promise<ErasureReport> {
  const now = deps.clock.now();
  await deps.audit.started(person.tenantId, { ...request, kind: 'erasure' }, now);
  await deps.erased.markErased(person, now);
  const legalHolds = deps.policies(person.tenantId).legalHolds;
  const tables = await deps.personalData.erasePerson(person, { now, holds: legalHolds });
  await deps.pseudonyms.forget(person);
  const holds: HoldsApplied = {};
  for (const counts of Object.values(tables))
    for (const [hold, kept] of Object.entries(counts.keptUnder ?? {}))
      holds[hold] = { years: legalHolds[hold]?.years ?? 0, kept: (holds[hold]?.kept ?? 0) + kept };
  await deps.audit.completed(person.tenantId, request.requestId, deps.clock.now(), { tables, holds });
  return { requestId: request.requestId, erasedAt: now.toISOString(), tables, holds };
}
