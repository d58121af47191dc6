import { allowedActions, type Actor } from '../../../domain/access/index.ts';
import {
  tabRolesOf,
  tabRules,
  TEAM_PERSON_ACTIONS,
  type TeamPersonAction,
} from '../../../domain/access/tabAccess.ts';
import type { Reachability } from '../../../domain/directory/reachability.ts';
import type { TeamMember } from '../../../domain/managers/reportingTree.ts';
import {
  summarizeMember,
  weeklyActivity,
  type MemberSummary,
  type WeekActivity,
} from '../../../domain/managers/teamInsights.ts';
import { mapLimit } from '../../platform/mapLimit.ts';
import { reportingTreeOf } from './reportingTree.ts';
import type { TeamReadDeps } from './teamReadDeps.ts';
import type { LearningTimeRequestSummary } from '../teamPorts.ts';
import type { SignedIn } from '../whoIsCalling.ts';

/** People read in parallel: enough to hide storage latency, few enough not to flood it. */
const PEOPLE_IN_FLIGHT = 16;

export interface TeamMemberLearning {
  member: TeamMember;
  summary: MemberSummary;
  reachability?: Reachability;
  actions: TeamPersonAction[];
}

export interface MyTeam {
  viewer: Actor;
  members: TeamMemberLearning[];
  weeklyActivity: WeekActivity[];
  /** Pending requests of anyone in the tree, oldest first. */
  pendingRequests: LearningTimeRequestSummary[];
}

export type MyTeamOutcome = { kind: 'shown'; team: MyTeam } | { kind: 'notAllowed' };

/**
 * My team: everyone below the caller with their learning. Storage work: one manager-index query per
 * manager in the tree, one partition query per person (enrollments with their steps) in parallel, a reachability
 * read only for people no card has reached yet, and one query for pending requests.
 */
export async function showMyTeam(deps: TeamReadDeps, caller: SignedIn): Promise<MyTeamOutcome> {
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
    mapLimit(tree, PEOPLE_IN_FLIGHT, (member) => memberLearning(deps, viewer, member, now)),
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

async function memberLearning(
  deps: TeamReadDeps,
  viewer: Actor,
  member: TeamMember,
  now: Date,
): Promise<{ learning: TeamMemberLearning; doneAt: string[] }> {
  const { enrollments, steps } = await deps.progress.loadPerson(viewer.tenantId, member.id);
  const summary = summarizeMember(enrollments, steps, (id) => deps.catalog.find(id), now);
  // Reachability matters only until a first card has arrived; most people need no read for it.
  const reachability = summary.everReached
    ? undefined
    : await deps.reachability.get(viewer.tenantId, member.id);
  return {
    learning: {
      member,
      summary,
      reachability,
      actions: teamActionsOn(viewer, member.id),
    },
    doneAt: steps.flatMap((s) => (s.status === 'done' && s.doneAt ? [s.doneAt] : [])),
  };
}

export function teamActionsOn(actor: Actor, userId: string): TeamPersonAction[] {
  const allowed = allowedActions(actor, { type: 'person', tenantId: actor.tenantId, userId });
  return TEAM_PERSON_ACTIONS.filter((a) => allowed.includes(a));
}
