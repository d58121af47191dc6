import { can, type Actor } from '../../../domain/access/index.ts';
import type { TeamPersonAction } from '../../../domain/access/tabAccess.ts';
import { teamActionsOn } from './showMyTeam.ts';
import type { Person } from '../../../domain/directory/person.ts';
import type { CheckinAnswer } from '../../../domain/managers/checkin.ts';
import type { Reachability } from '../../../domain/directory/reachability.ts';
import type { StepState } from '../../../domain/learning/stepState.ts';
import { MAX_TREE_DEPTH } from '../../../domain/managers/reportingTree.ts';
import {
  minutesPerMonth,
  summarizeMember,
  type MemberSummary,
  type MonthMinutes,
} from '../../../domain/managers/teamInsights.ts';
import type { LearningTimeRequestSummary } from '../teamPorts.ts';
import type { TeamReadDeps } from './teamReadDeps.ts';
import { whoIsCalling, type SignedIn } from '../whoIsCalling.ts';

export interface SharedReflection {
  programId: string;
  stepId: string;
  text: string;
  answeredAt: string;
}

export interface TeamMemberDetail {
  viewer: Actor;
  person: Person;
  depth: number;
  summary: MemberSummary;
  steps: StepState[];
  reachability?: Reachability;
  reflections: SharedReflection[];
  learningMinutes: MonthMinutes[];
  requests: LearningTimeRequestSummary[];
  /** Managers' answers to check-ins about the person, newest first. */
  checkins: CheckinAnswer[];
  actions: TeamPersonAction[];
}

/** Anyone outside the caller's reports gets `notAllowed`, whether or not the person exists. */
export type TeamMemberOutcome = { kind: 'shown'; detail: TeamMemberDetail } | { kind: 'notAllowed' };

/**
 * One person of the caller's team in detail. Whether the caller manages them is decided by walking
 * up from the person through the directory's manager ids (a few point reads), not by reading the
 * caller's whole tree.
 */
export async function showTeamMember(
  deps: TeamReadDeps,
  caller: SignedIn,
  personId: string,
): Promise<TeamMemberOutcome> {
  const [viewer, person] = await Promise.all([
    whoIsCalling(deps, caller),
    deps.people.get(caller.tenantId, personId),
  ]);
  const depth = person ? await depthBelow(deps, person, caller.userId) : undefined;
  // My team's drill-down is for the person's managers: being HR admin or the person is not enough.
  const actor: Actor = { ...viewer, managedIds: depth === undefined ? [] : [personId] };
  const resource = { type: 'person', tenantId: caller.tenantId, userId: personId } as const;
  if (!person || depth === undefined || !can(actor, 'viewPerson', resource)) return { kind: 'notAllowed' };
  const actions = teamActionsOn(actor, personId);

  const now = deps.clock.now();
  const [{ enrollments, steps }, requests, reachability, checkins] = await Promise.all([
    deps.progress.loadPerson(caller.tenantId, personId),
    deps.learningTime.listForLearner(caller.tenantId, personId),
    deps.reachability.get(caller.tenantId, personId),
    deps.checkins.listForLearner(caller.tenantId, personId),
  ]);
  const summary = summarizeMember(enrollments, steps, (id) => deps.catalog.find(id), now);
  const minutesOf = (s: StepState) => deps.catalog.find(s.programId)?.steps.find((p) => p.id === s.stepId);
  const done = steps.flatMap((s) => {
    const step = minutesOf(s);
    // Check-ins are the manager's work, not the learner's time.
    return s.status === 'done' && s.doneAt && step && step.kind !== 'checkin'
      ? [{ doneAt: s.doneAt, minutes: step.minutes }]
      : [];
  });
  return {
    kind: 'shown',
    detail: {
      viewer: actor,
      person,
      depth,
      summary,
      steps,
      reachability:
        summary.everReached && reachability?.stage === 'firstCardDelivered' ? undefined : reachability,
      reflections: steps.flatMap((s) => sharedReflection(s, minutesOf(s)?.kind)),
      learningMinutes: minutesPerMonth(
        requests.filter((r) => r.status === 'approved'),
        done,
        now,
      ),
      checkins: checkins.sort((a, b) => b.answeredAt.localeCompare(a.answeredAt)),
      requests: requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      actions,
    },
  };
}

/** How many levels below the manager the person is, or undefined when the manager is not above them. */
async function depthBelow(
  deps: TeamReadDeps,
  person: Person,
  managerId: string,
): Promise<number | undefined> {
  const seen = new Set([person.id]);
  let current: Person | undefined = person;
  for (let depth = 1; current?.managerId && depth <= MAX_TREE_DEPTH; depth++) {
    if (current.managerId === managerId) return depth;
    if (seen.has(current.managerId)) return undefined; // a loop in the directory data
    seen.add(current.managerId);
    current = await deps.people.get(person.tenantId, current.managerId);
  }
  return undefined;
}

/** Only what the person chose to share with their manager; a private reflection never leaves. */
function sharedReflection(s: StepState, kind: string | undefined): SharedReflection[] {
  if (kind !== 'reflection' || s.status !== 'done' || !s.sharedWithManager || !s.answer || !s.doneAt)
    return [];
  try {
    const parsed = JSON.parse(s.answer) as { text?: unknown };
    return typeof parsed.text === 'string'
      ? [{ programId: s.programId, stepId: s.stepId, text: parsed.text, answeredAt: s.doneAt }]
      : [];
  } catch (error) {
    // A stored answer that is not JSON is shown as nothing rather than breaking the whole view.
    void error;
    return [];
  }
}
