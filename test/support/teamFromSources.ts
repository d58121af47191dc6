import type { Actor } from '../../src/domain/access/index.ts';
import { tabRolesOf, tabRules } from '../../src/domain/access/tabAccess.ts';
import { summarizeMember, weeklyActivity } from '../../src/domain/managers/teamInsights.ts';
import { mapLimit } from '../../src/usecases/platform/mapLimit.ts';
import { reportingTreeOf } from '../../src/usecases/managers/team/reportingTree.ts';
import { teamActionsOn, type MyTeamOutcome } from '../../src/usecases/managers/team/showMyTeam.ts';
import type { TeamReadDeps } from '../../src/usecases/managers/team/teamReadDeps.ts';
import type { SignedIn } from '../../src/usecases/managers/whoIsCalling.ts';

/**
 * My team as it was computed before the read model, straight from the sources: the manager index's
 * tree, then every person's LearnerProgress partition and reachability. The tests' oracle: the read
 * model must give exactly this, whatever changed.
 */
export async function teamFromSources(deps: TeamReadDeps, caller: SignedIn): Promise<MyTeamOutcome> {
  const tree = await reportingTreeOf(deps, caller.tenantId, caller.userId);
  const viewer: Actor = {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({ appRoles: caller.appRoles, hasReports: tree.length > 0 }),
    managedIds: new Set(tree.map((m) => m.id)),
  };
  if (!tabRules.viewMyTeam(viewer)) return { kind: 'notAllowed' };
  const now = deps.clock.now();
  const [learning, pending] = await Promise.all([
    mapLimit(tree, 8, async (member) => {
      const { enrollments, steps } = await deps.progress.loadPerson(caller.tenantId, member.id);
      const summary = summarizeMember(enrollments, steps, (id) => deps.catalog.find(id), now);
      const reachability = summary.everReached
        ? undefined
        : await deps.reachability.get(caller.tenantId, member.id);
      return {
        learning: { member, summary, reachability, actions: teamActionsOn(viewer, member.id) },
        doneAt: steps.flatMap((s) => (s.status === 'done' && s.doneAt ? [s.doneAt] : [])),
      };
    }),
    deps.learningTime.listPending(caller.tenantId),
  ]);
  const inTree = new Set(tree.map((m) => m.id));
  return {
    kind: 'shown',
    team: {
      viewer,
      members: learning.map((l) => l.learning),
      weeklyActivity: weeklyActivity(
        learning.map((l) => l.doneAt),
        now,
      ),
      pendingRequests: pending
        .filter((r) => inTree.has(r.learnerId) && r.status === 'pending')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    },
  };
}
