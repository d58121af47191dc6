import { allowedActions, type Actor } from '../../../domain/access/index.ts';
import {
  tabRolesOf,
  tabRules,
  TEAM_PERSON_ACTIONS,
  type TeamPersonAction,
} from '../../../domain/access/tabAccess.ts';
import type { ReachabilityStage } from '../../../domain/directory/reachability.ts';
import { byDepthThenName, type TeamMember } from '../../../domain/managers/reportingTree.ts';
import type { TeamEnrollmentFacts, TeamViewMember } from '../../../domain/managers/teamViewFacts.ts';
import {
  summarizeFacts,
  weeklyActivity,
  type MemberSummary,
  type WeekActivity,
} from '../../../domain/managers/teamInsights.ts';
import type { TeamReadDeps } from './teamReadDeps.ts';
import type { LearningTimeRequestSummary } from '../teamPorts.ts';
import type { SignedIn } from '../whoIsCalling.ts';

export interface TeamMemberLearning {
  member: TeamMember;
  summary: MemberSummary<TeamEnrollmentFacts>;
  /** Only until a first card has reached the person. */
  reachability?: { stage: ReachabilityStage };
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
 * My team: everyone below the caller with their learning. Storage work: one partition query for the
 * caller's team summaries (every level, kept current by keepTeamSummaries) and one query for pending
 * requests. The figures (overdue, inactive, quizzes failed twice, weekly activity) are computed here,
 * at read time, from each person's learning facts, by the same rules as the drill-down.
 */
export async function showMyTeam(deps: TeamReadDeps, caller: SignedIn): Promise<MyTeamOutcome> {
  const [rows, pending] = await Promise.all([
    deps.teamSummaries.listTeamView(caller.tenantId, caller.userId),
    deps.learningTime.listPending(caller.tenantId),
  ]);
  const tree = rows.map(memberOf).sort(byDepthThenName);
  const viewer: Actor = {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({ appRoles: caller.appRoles, hasReports: tree.length > 0 }),
    managedIds: new Set(tree.map((m) => m.id)),
  };
  if (!tabRules.viewMyTeam(viewer)) return { kind: 'notAllowed' };
  const now = deps.clock.now();
  const byId = new Map(rows.map((r) => [r.personId, r]));
  const learning = tree.map((member) => memberLearning(deps, viewer, member, byId.get(member.id)!, now));
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

function memberOf(row: TeamViewMember): TeamMember {
  const member: TeamMember = {
    id: row.personId,
    managerId: row.managerId ?? '',
    displayName: row.displayName,
    depth: row.depth,
  };
  if (row.jobTitle !== undefined) member.jobTitle = row.jobTitle;
  if (row.department !== undefined) member.department = row.department;
  return member;
}

function memberLearning(
  deps: TeamReadDeps,
  viewer: Actor,
  member: TeamMember,
  row: TeamViewMember,
  now: Date,
): { learning: TeamMemberLearning; doneAt: string[] } {
  const summary = summarizeFacts(row.facts, (id) => deps.catalog.find(id), now);
  // Reachability matters only until a first card has arrived.
  const reachability = summary.everReached || !row.reachability ? undefined : { stage: row.reachability };
  return {
    learning: { member, summary, reachability, actions: teamActionsOn(viewer, member.id) },
    doneAt: row.facts.doneAt,
  };
}

export function teamActionsOn(actor: Actor, userId: string): TeamPersonAction[] {
  const allowed = allowedActions(actor, { type: 'person', tenantId: actor.tenantId, userId });
  return TEAM_PERSON_ACTIONS.filter((a) => allowed.includes(a));
}
