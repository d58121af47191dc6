// Who may do what with learning-time requests, nudges, recognition and check-ins. Pure rules that
// read like sentences; each starts with "same tenant". The reporting line (the person's managers,
// nearest first) comes from the directory mirror through the use cases.
import type { LearningTimeRequest } from '../managers/learningTimeRequest.ts';

export interface Actor {
  tenantId: string;
  userId: string;
}

/** A person and the managers above them, nearest first (direct manager, theirs, …). */
export interface ReportingLine {
  tenantId: string;
  personId: string;
  managerIds: readonly string[];
}

const sameTenant = (actor: Actor, tenantId: string) => actor.tenantId === tenantId;

/** A manager of the person, directly or further up the line; never the person themselves. */
export function managesPerson(actor: Actor, line: ReportingLine): boolean {
  return (
    sameTenant(actor, line.tenantId) &&
    actor.userId !== line.personId &&
    line.managerIds.includes(actor.userId)
  );
}

export type LearningTimeAction = 'cancel' | 'approve' | 'deny';

export const learningTimeRules = {
  /** Learners ask for themselves only. */
  create: (actor: Actor, learner: { tenantId: string; id: string }) =>
    sameTenant(actor, learner.tenantId) && actor.userId === learner.id,
  /** The learner sees their own; their managers (any level) see their people's. */
  read: (actor: Actor, request: LearningTimeRequest, line: ReportingLine) =>
    sameTenant(actor, request.tenantId) &&
    (actor.userId === request.learnerId ||
      (line.personId === request.learnerId && managesPerson(actor, line))),
  /** The learner may take back a request nobody has decided yet. */
  cancel: (actor: Actor, request: LearningTimeRequest) =>
    sameTenant(actor, request.tenantId) && actor.userId === request.learnerId && request.status === 'pending',
  /** Only a manager of the learner decides, and never the one who asked (even if they manage themselves). */
  decide: (actor: Actor, request: LearningTimeRequest, line: ReportingLine) =>
    sameTenant(actor, request.tenantId) &&
    actor.userId !== request.learnerId &&
    line.personId === request.learnerId &&
    managesPerson(actor, line) &&
    request.status === 'pending',
};

/** The actions the caller may take on a request, sent with every answer so the tab never guesses. */
export function learningTimeActions(
  actor: Actor,
  request: LearningTimeRequest,
  line: ReportingLine,
): LearningTimeAction[] {
  const actions: LearningTimeAction[] = [];
  if (learningTimeRules.cancel(actor, request)) actions.push('cancel');
  if (learningTimeRules.decide(actor, request, line)) actions.push('approve', 'deny');
  return actions;
}

export type TeamMemberAction = 'nudge' | 'recognize' | 'answerCheckin';

/** Nudges, recognition and check-in answers are for one's own reports only (any level). */
export const teamMemberRules = {
  nudge: managesPerson,
  recognize: managesPerson,
  answerCheckin: managesPerson,
} satisfies Record<TeamMemberAction, (actor: Actor, line: ReportingLine) => boolean>;

export function teamMemberActions(actor: Actor, line: ReportingLine): TeamMemberAction[] {
  return (Object.keys(teamMemberRules) as TeamMemberAction[]).filter((a) => teamMemberRules[a](actor, line));
}
