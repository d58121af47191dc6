import { localDay } from '../../../domain/delivery/deliveryPolicy.ts';
import { can, learnerActor } from '../../../domain/access/index.ts';
import { personResource, type Caller } from '../team/reportingLine.ts';
import {
  validateLearningTimeInput,
  type LearningTimeInput,
  type LearningTimeRequest,
  type LearningTimeValidation,
} from '../../../domain/managers/learningTimeRequest.ts';
import type { ManagersDeps } from '../managersDeps.ts';

export type RequestLearningTimeOutcome =
  | { kind: 'requested'; request: LearningTimeRequest; duplicate: boolean }
  | {
      kind: 'invalid';
      problems: Extract<LearningTimeValidation, { ok: false }>['problems'];
      input: LearningTimeInput;
    }
  | { kind: 'noManager' }
  | { kind: 'notAllowed' };

/** The learner's programs they may ask time for: the ones they take part in now. */
export async function programsToAskFor(
  deps: Pick<ManagersDeps, 'enrollments'>,
  tenantId: string,
  learnerId: string,
): Promise<string[]> {
  const enrollments = await deps.enrollments.listForPerson(tenantId, learnerId);
  return enrollments.filter((e) => e.status === 'active').map((e) => e.programId);
}

/**
 * A learner asks their manager for learning time (from the chat card or the tab). What they typed is
 * validated against today in their time zone and their own programs; a valid request is stored as
 * pending and the follow-up job sends their manager the card. `requestId` comes from the form
 * (a card's form id, the tab's idempotency key), so a double submit stores one request.
 */
export async function requestLearningTime(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'enrollments' | 'learningTime'>,
  actor: Caller,
  requestId: string,
  input: LearningTimeInput,
  defaultTimeZone: string,
): Promise<RequestLearningTimeOutcome> {
  const learner = await deps.people.get(actor.tenantId, actor.userId);
  if (!learner || !mayAsk(actor)) return { kind: 'notAllowed' };
  if (!learner.managerId) return { kind: 'noManager' };

  const existing = await deps.learningTime.get(actor.tenantId, requestId);
  if (existing) {
    // The same form sent twice; a different person's id is not theirs to learn about.
    if (existing.learnerId !== actor.userId) return { kind: 'notAllowed' };
    return { kind: 'requested', request: existing, duplicate: true };
  }

  const now = deps.clock.now();
  const timeZone = learner.timeZone ?? defaultTimeZone;
  const checked = validateLearningTimeInput(input, {
    today: localDay(now, timeZone),
    programIds: await programsToAskFor(deps, actor.tenantId, actor.userId),
  });
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems, input };

  const request: LearningTimeRequest = {
    tenantId: actor.tenantId,
    id: requestId,
    learnerId: actor.userId,
    managerId: learner.managerId,
    ...checked.value,
    timeZone,
    status: 'pending',
    createdAt: now.toISOString(),
    followUp: true,
  };
  if ((await deps.learningTime.create(request)) === 'exists') {
    const stored = await deps.learningTime.get(actor.tenantId, requestId);
    if (!stored || stored.learnerId !== actor.userId) return { kind: 'notAllowed' };
    return { kind: 'requested', request: stored, duplicate: true };
  }
  return { kind: 'requested', request, duplicate: false };
}

export type LearningTimeFormOutcome =
  { kind: 'form'; today: string; programIds: string[] } | { kind: 'noManager' } | { kind: 'notAllowed' };

/** What the learner's form needs: today in their zone (the earliest day) and their programs. */
export async function learningTimeForm(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'enrollments'>,
  actor: Caller,
  defaultTimeZone: string,
): Promise<LearningTimeFormOutcome> {
  const learner = await deps.people.get(actor.tenantId, actor.userId);
  if (!learner || !mayAsk(actor)) return { kind: 'notAllowed' };
  if (!learner.managerId) return { kind: 'noManager' };
  return {
    kind: 'form',
    today: localDay(deps.clock.now(), learner.timeZone ?? defaultTimeZone),
    programIds: await programsToAskFor(deps, actor.tenantId, actor.userId),
  };
}

/** A person asks for learning time for themselves only. */
function mayAsk(caller: Caller): boolean {
  return can(
    learnerActor(caller.tenantId, caller.userId),
    'requestLearningTime',
    personResource(caller.tenantId, caller.userId),
  );
}
