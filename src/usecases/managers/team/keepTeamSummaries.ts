import {
  directoryChanged,
  holdsNoCopies,
  reportingLineChanged,
  type TeamDirectoryEntry,
} from '../../../domain/managers/teamSummary.ts';
import type { ReportingChange } from '../../../domain/managers/reportingTree.ts';
import type { Clock } from '../../../domain/platform/clock.ts';
import type { ReachabilityStore } from '../../directory/ports.ts';
import type { StepState } from '../../../domain/learning/stepState.ts';
import type { Enrollment } from '../../../domain/learning/enrollment.ts';
import type { Stored } from '../../platform/ports.ts';
import type { EnrollmentStore, ProgressStore, StepStore } from '../../learning/ports.ts';
import { mapLimit } from '../../platform/mapLimit.ts';
import type { ManagerIndex } from '../teamPorts.ts';
import { refreshTeamSummary, type TeamSummaryDeps } from './refreshTeamSummary.ts';
import { reportingTreeOf } from './reportingTree.ts';

/** People refreshed at once after a directory page: parallel enough, without flooding storage. */
const REFRESHES_IN_FLIGHT = 8;
/**
 * A directory write of more people than this (a sync page, a reorganisation) asks the repair job for
 * a rebuild instead of following each person: the rebuild reads the directory once for everyone,
 * where following them would walk each one's line and every moved person's subtree, many times over
 * during a first sync. Smaller writes (a delta round, a change notification) are followed at once.
 */
export const FOLLOW_AT_ONCE_UP_TO = 50;

/** A refresh that failed after its source was written: logged; the repair job rewrites it from the sources. */
export type SummaryFailure = (error: unknown, where: { tenantId: string; personId: string }) => void;

/**
 * My team's read model follows every write of what it shows. Wired once, in the composition root,
 * around the stores every use case writes through: a person's learning, their reachability and the
 * directory's reporting lines. Each write that changed something refreshes the person's summary before
 * it returns, so a manager reads their team as it is the moment after (a directory write of many
 * people asks for a rebuild instead, see FOLLOW_AT_ONCE_UP_TO). A refresh that fails does not
 * fail the write it follows (that write is done): it is reported, and the repair job
 * (rebuildTeamSummaries) makes the summaries whole from the sources again.
 */
export function keepTeamSummaries(deps: TeamSummaryDeps & { clock: Clock }, onFailure: SummaryFailure) {
  const follow = async (tenantId: string, personId: string) => {
    try {
      await refreshTeamSummary(deps, tenantId, personId, 'learning');
    } catch (error) {
      onFailure(error, { tenantId, personId });
    }
  };
  const after = async <R>(write: Promise<R>, changed: R, tenantId: string, personId: string) => {
    const result = await write;
    if (result === changed) await follow(tenantId, personId);
    return result;
  };
  /** Whether managers hold copies of the person's summary; undefined while not known (no home yet). */
  const copiesOf = async (tenantId: string, personId: string): Promise<'none' | 'some' | undefined> => {
    try {
      const home = await deps.teamSummaries.getHome(tenantId, personId);
      return home === undefined ? undefined : holdsNoCopies(home) ? 'none' : 'some';
    } catch {
      return undefined; // not known: the refresh after the write decides, as without the flag
    }
  };
  /**
   * An answer (a step and its enrollment saved together) of someone no manager lists skips the
   * refresh: the enrollment says so ('none'), read with the step, so the answer costs its read and
   * its transaction only. Not known yet, the home row is read before the write, and what it says is
   * written with the answer. It is safe because a refresh that writes copies first marks the
   * enrollments 'some', guarded by their ETags (refreshTeamSummary.ts): an answer that read 'none'
   * and saves after the marking fails its own ETag check, and its retry reads 'some'; one saved
   * before the marking makes the marking fail, and that refresh starts over on sources that hold it.
   */
  const saveAnswer = async (
    step: Stored<StepState>,
    enrollment: Stored<Enrollment>,
    inner: ProgressStore,
  ) => {
    if (enrollment.teamCopies === 'none') return inner.saveStepAndEnrollment(step, enrollment);
    const copies = enrollment.teamCopies ?? (await copiesOf(step.tenantId, step.userId));
    const result = await inner.saveStepAndEnrollment(
      step,
      copies ? { ...enrollment, teamCopies: copies } : enrollment,
    );
    if (result === 'updated' && copies !== 'none') await follow(step.tenantId, step.userId);
    return result;
  };

  return {
    enrollments: (inner: EnrollmentStore): EnrollmentStore => ({
      listForPerson: (t, u) => inner.listForPerson(t, u),
      listForProgram: (t, p) => inner.listForProgram(t, p),
      get: (t, u, p) => inner.get(t, u, p),
      create: (e) => after(inner.create(e), 'created', e.tenantId, e.userId),
      update: (e) => after(inner.update(e), 'updated', e.tenantId, e.userId),
    }),
    steps: (inner: StepStore): StepStore => ({
      listForEnrollment: (t, u, p) => inner.listForEnrollment(t, u, p),
      get: (t, u, p, s) => inner.get(t, u, p, s),
      create: (s) => after(inner.create(s), 'created', s.tenantId, s.userId),
      // One refresh for an enrollment's new steps (they are one person's): a refresh per step made a
      // new hire's enrollment cost a dozen refreshes, each walking the line of managers again.
      async createAll(states) {
        const results = await inner.createAll(states);
        const people = new Map<string, StepState>();
        states.forEach((s, i) => {
          if (results[i] === 'created') people.set(`${s.tenantId}|${s.userId}`, s);
        });
        for (const s of people.values()) await follow(s.tenantId, s.userId);
        return results;
      },
      update: (s) => after(inner.update(s), 'updated', s.tenantId, s.userId),
    }),
    progress: (inner: ProgressStore): ProgressStore => ({
      load: (t, u, p) => inner.load(t, u, p),
      loadPerson: (t, u) => inner.loadPerson(t, u),
      saveStepAndEnrollment: (s, e) => saveAnswer(s, e, inner),
      // The refresh marks through the inner store: marking changes no fact a copy shows.
      markTeamCopies: (enrollments) => inner.markTeamCopies(enrollments),
    }),
    reachability: (inner: ReachabilityStore): ReachabilityStore => ({
      get: (t, u) => inner.get(t, u),
      listDue: (t, now) => inner.listDue(t, now),
      create: (r) => after(inner.create(r), 'created', r.tenantId, r.userId),
      update: (r) => after(inner.update(r), 'updated', r.tenantId, r.userId),
    }),
    managerIndex: (inner: ManagerIndex): ManagerIndex => ({
      reportsOf: (t, m) => inner.reportsOf(t, m),
      async apply(tenantId, changes) {
        await inner.apply(tenantId, changes);
        try {
          if (changes.length > FOLLOW_AT_ONCE_UP_TO) {
            await deps.teamSummaries.requestRebuild(tenantId, deps.clock.now());
          } else {
            await followDirectoryChanges({ ...deps, managerIndex: inner }, tenantId, changes);
          }
        } catch (error) {
          onFailure(error, { tenantId, personId: changes[0]?.id ?? '' });
        }
      },
    }),
  };
}

/**
 * After the directory mirror wrote people: refreshes everyone whose name, title, department, manager
 * or account state differs from their summary, and, when their reporting line changed, everyone below
 * them too (they move with them). Below means the manager index's tree and whoever the person's
 * partition still lists, so nobody stays behind in a former manager's list.
 */
export async function followDirectoryChanges(
  deps: TeamSummaryDeps & { managerIndex: Pick<ManagerIndex, 'reportsOf'> },
  tenantId: string,
  changes: readonly ReportingChange[],
): Promise<void> {
  const moved: string[] = [];
  await mapLimit(changes, REFRESHES_IN_FLIGHT, async (change) => {
    const home = await deps.teamSummaries.getHome(tenantId, change.id);
    const entry = entryOf(change);
    if (!directoryChanged(home, entry)) return;
    await refreshTeamSummary(deps, tenantId, change.id, 'directory');
    if (reportingLineChanged(home, entry)) moved.push(change.id);
  });
  const below = new Set<string>();
  for (const id of moved) {
    const [tree, listed] = await Promise.all([
      reportingTreeOf(deps, tenantId, id),
      deps.teamSummaries.listTeam(tenantId, id),
    ]);
    for (const m of tree) below.add(m.id);
    for (const m of listed) below.add(m.personId);
  }
  for (const id of moved) below.delete(id);
  await mapLimit([...below], REFRESHES_IN_FLIGHT, (id) =>
    refreshTeamSummary(deps, tenantId, id, 'directory'),
  );
}

function entryOf(change: ReportingChange): TeamDirectoryEntry {
  const entry: TeamDirectoryEntry = { id: change.id, displayName: change.displayName, active: change.active };
  if (change.managerId) entry.managerId = change.managerId;
  if (change.jobTitle !== undefined) entry.jobTitle = change.jobTitle;
  if (change.department !== undefined) entry.department = change.department;
  return entry;
}
