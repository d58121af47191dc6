import {
  ancestorsOf,
  holdsNoCopies,
  learningFactsOf,
  nextHome,
  type TeamDirectoryEntry,
  type TeamSummaryHome,
} from '../../../domain/managers/teamSummary.ts';
import { MAX_TREE_DEPTH } from '../../../domain/managers/reportingTree.ts';
import type { ReachabilityStore } from '../../directory/ports.ts';
import type { ProgressStore } from '../../learning/ports.ts';
import { CONFLICT, retryOnConflict } from '../../platform/retryOnConflict.ts';
import type { TeamDirectory, TeamSummaryStore } from '../teamSummaryPorts.ts';

/** The stores a refresh reads (the person's sources) and writes (their summary copies). */
export interface TeamSummaryDeps {
  teamSummaries: TeamSummaryStore;
  teamDirectory: Pick<TeamDirectory, 'get'>;
  progress: Pick<ProgressStore, 'loadPerson' | 'markTeamCopies'>;
  reachability: Pick<ReachabilityStore, 'get'>;
}

/**
 * Where the person's place in the directory comes from: `learning` keeps the place the last refresh
 * found (their learning or reachability changed, not their manager); `directory` walks up the People
 * rows again; a map is the whole directory already read (the rebuild).
 */
export type PlaceFrom = 'learning' | 'directory' | ReadonlyMap<string, TeamDirectoryEntry>;

export interface RefreshedSummary {
  version: number;
  /** How many managers' lists now show the person. */
  managers: number;
}

/**
 * Rewrites the person's summary in the partition of every manager above them, from the sources
 * (their LearnerProgress partition, reachability, the directory), and marks it removed where it
 * should no longer be. Safe against concurrent refreshes: the home row is read before the sources and
 * the next version claimed by an ETag-guarded write after them, so a later version always read later
 * sources, and a copy never goes back to an earlier version.
 *
 * A change of learning or reachability of someone no manager lists (no copies, none to remove) has
 * nothing to rewrite: that refresh reads the home row only and writes nothing. This is most answers
 * of people without a manager in the directory, and it keeps their answers as cheap as before the read
 * model. It is safe because the refresh that first gives such a person copies reads their sources once
 * more after its claim: a change that skipped its refresh before the claim was visible is written
 * before that second read, and if the sources moved, the refresh starts over on the claimed home.
 * An answer also skips the home read itself when its enrollment says no copies ('none', see
 * Enrollment.teamCopies): every refresh that writes copies first marks the enrollments 'some',
 * guarded by the ETags it read them with, so such an answer is never saved unseen.
 */
export async function refreshTeamSummary(
  deps: TeamSummaryDeps,
  tenantId: string,
  personId: string,
  placeFrom: PlaceFrom,
): Promise<RefreshedSummary> {
  return retryOnConflict('team summary', async () => {
    const home = await deps.teamSummaries.getHome(tenantId, personId);
    if (placeFrom === 'learning' && home && holdsNoCopies(home)) {
      return { version: home.version, managers: 0 };
    }
    const place =
      placeFrom === 'learning' && home
        ? { person: home.person, ancestors: home.ancestors }
        : await placeInDirectory(deps, tenantId, personId, placeFrom, home);
    const sources = await sourcesOf(deps, tenantId, personId);
    const next = nextHome(home, personId, place.person, place.ancestors);
    const claimed = await deps.teamSummaries.claimHome(tenantId, next, home);
    if (claimed === 'conflict') return CONFLICT;
    // Copies about to be written: answers must stop skipping their refresh first. Guarded by the
    // enrollments' ETags as read with the sources, so an answer saved since then fails the marking
    // (and this refresh starts over on sources that hold it), and one saved after it reads 'some'.
    const unmarked = sources.enrollments.filter((e) => e.teamCopies !== 'some');
    if (next.ancestors.length > 0 && unmarked.length > 0) {
      if ((await deps.progress.markTeamCopies(unmarked)) === 'conflict') return CONFLICT;
    }
    if (home && holdsNoCopies(home) && next.ancestors.length > 0) {
      // The first copies: a learning write may have skipped its refresh until this claim (see above).
      const again = await sourcesOf(deps, tenantId, personId);
      if (fingerprintOf(again) !== fingerprintOf(sources)) return CONFLICT;
    }

    const { learning, reachability } = sources;
    const { person, version } = next;
    await Promise.all([
      ...next.ancestors.map((managerId, i) =>
        deps.teamSummaries.putMember(tenantId, managerId, {
          personId,
          managerId: person.managerId,
          depth: i + 1,
          displayName: person.displayName,
          jobTitle: person.jobTitle,
          department: person.department,
          learning,
          reachability,
          version,
        }),
      ),
      ...next.formerAncestors.map((managerId) =>
        deps.teamSummaries.removeMember(tenantId, managerId, personId, version),
      ),
    ]);
    // Done with the former managers. If another refresh claimed meanwhile, it carries them on itself.
    if (next.formerAncestors.length > 0) {
      await deps.teamSummaries.claimHome(tenantId, { ...next, formerAncestors: [] }, claimed);
    }
    return { version, managers: next.ancestors.length };
  });
}

/** What the copies show of the person's learning and reachability, read from the sources. */
async function sourcesOf(deps: TeamSummaryDeps, tenantId: string, personId: string) {
  const [progress, reach] = await Promise.all([
    deps.progress.loadPerson(tenantId, personId),
    deps.reachability.get(tenantId, personId),
  ]);
  return {
    learning: learningFactsOf(progress.enrollments, progress.steps),
    reachability: reach?.stage,
    enrollments: progress.enrollments,
  };
}

/** What a copy would show (not the rows' ETags, which the marking changes). */
function fingerprintOf(sources: Awaited<ReturnType<typeof sourcesOf>>): string {
  return JSON.stringify([sources.learning, sources.reachability ?? null]);
}

async function placeInDirectory(
  deps: TeamSummaryDeps,
  tenantId: string,
  personId: string,
  placeFrom: PlaceFrom,
  home: TeamSummaryHome | undefined,
): Promise<{ person: TeamSummaryHome['person']; ancestors: string[] }> {
  const known = typeof placeFrom === 'object' ? placeFrom : await lineFromDirectory(deps, tenantId, personId);
  const entry = known.get(personId);
  if (!entry) {
    // Gone from the directory: no manager lists them any more.
    return { person: { ...(home?.person ?? { displayName: '' }), active: false }, ancestors: [] };
  }
  const { id: _id, ...person } = entry;
  return { person, ancestors: ancestorsOf(entry, (id) => known.get(id)) };
}

/** The person and the managers above them, read one People row at a time up the line. */
async function lineFromDirectory(
  deps: TeamSummaryDeps,
  tenantId: string,
  personId: string,
): Promise<Map<string, TeamDirectoryEntry>> {
  const known = new Map<string, TeamDirectoryEntry>();
  let current = await deps.teamDirectory.get(tenantId, personId);
  if (current) known.set(personId, current);
  for (let i = 0; i < MAX_TREE_DEPTH && current?.active && current.managerId; i++) {
    if (known.has(current.managerId)) break; // a loop in the directory data
    current = await deps.teamDirectory.get(tenantId, current.managerId);
    if (current) known.set(current.id, current);
  }
  return known;
}
