import { ancestorsOf } from '../../../domain/managers/teamSummary.ts';
import { mapLimit } from '../../platform/mapLimit.ts';
import type { TeamDirectory, TeamSummaryRowRef } from '../teamSummaryPorts.ts';
import { refreshTeamSummary, type TeamSummaryDeps } from './refreshTeamSummary.ts';

const REFRESHES_IN_FLIGHT = 8;
/** Removal markers stop a slower, older refresh from bringing a copy back; after a day none is left. */
const KEEP_REMOVALS_MS = 86_400_000;

export interface RebuildReport {
  /** People in the directory, each refreshed from the sources. */
  people: number;
  /** People with a summary but no longer in the directory: their copies were removed. */
  gone: number;
  /** Copies found in a manager's partition where the directory does not put the person. */
  strayCopies: number;
  /** Removal markers older than a day, deleted. */
  purged: number;
}

/**
 * Makes My team's read model whole again from the sources, for one tenant: every person in the
 * directory is refreshed (their learning, reachability and place read again), everyone who has a
 * summary but left the directory loses their copies, any copy in a partition where the directory does
 * not put the person is marked removed, and old removal markers are deleted. Safe to run at any time,
 * beside live traffic and twice at once: every write is version-guarded like a refresh.
 */
export async function rebuildTeamSummaries(
  deps: TeamSummaryDeps & { teamDirectory: TeamDirectory },
  tenantId: string,
  now: Date,
): Promise<RebuildReport> {
  const entries = await deps.teamDirectory.list(tenantId);
  const known = new Map(entries.map((e) => [e.id, e]));
  const versions = new Map<string, number>();
  const refresh = async (personId: string) => {
    const { version } = await refreshTeamSummary(deps, tenantId, personId, known);
    versions.set(personId, version);
  };
  await mapLimit(entries, REFRESHES_IN_FLIGHT, (e) => refresh(e.id));

  const rows: TeamSummaryRowRef[] = [];
  for await (const row of deps.teamSummaries.listTenantRows(tenantId)) rows.push(row);
  const gone = [...new Set(rows.filter((r) => !known.has(r.personId)).map((r) => r.personId))];
  await mapLimit(gone, REFRESHES_IN_FLIGHT, refresh);

  const expected = new Map(entries.map((e) => [e.id, new Set(ancestorsOf(e, (id) => known.get(id)))]));
  const stray = rows.filter((r) => r.kind === 'member' && !expected.get(r.personId)?.has(r.ownerId));
  await mapLimit(stray, REFRESHES_IN_FLIGHT, (r) =>
    deps.teamSummaries.removeMember(tenantId, r.ownerId, r.personId, versions.get(r.personId) ?? r.version),
  );
  const old = rows.filter(
    (r) => r.kind === 'removed' && now.getTime() - Date.parse(r.writtenAt) > KEEP_REMOVALS_MS,
  );
  await mapLimit(old, REFRESHES_IN_FLIGHT, (r) => deps.teamSummaries.deleteRow(tenantId, r));
  return { people: entries.length, gone: gone.length, strayCopies: stray.length, purged: old.length };
}
