import { learningTimeRules, managesPerson, type Actor } from '../../domain/access/managerRules.ts';
import {
  cancelRequest,
  decideRequest,
  LEARNING_TIME_LIMITS,
  type LearningTimeDecision,
  type LearningTimeRequest,
} from '../../domain/managers/learningTimeRequest.ts';
import { changeRequest } from './changeRequest.ts';
import type { ManagersDeps } from './managersDeps.ts';
import { reportingLine } from './reportingLine.ts';

export type DecideLearningTimeOutcome =
  | { kind: 'decided'; request: LearningTimeRequest }
  | { kind: 'alreadyDecided'; request: LearningTimeRequest }
  | { kind: 'commentTooLong'; request: LearningTimeRequest }
  | { kind: 'ownRequest' }
  | { kind: 'notAllowed' };

/**
 * A manager approves or denies, from the card or the tab. Only a manager of the learner (any level)
 * decides, never the learner; the first decision wins (ETag-guarded), and a late one gets the
 * request as decided, so that surface can show it. The follow-up job then tells the learner and
 * books the time.
 */
export async function decideLearningTime(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'learningTime'>,
  actor: Actor,
  decision: { requestId: string; verdict: LearningTimeDecision; comment?: string; in: 'card' | 'tab' },
): Promise<DecideLearningTimeOutcome> {
  const request = await deps.learningTime.get(actor.tenantId, decision.requestId);
  // Unknown and not-yours look the same: no detail about anyone outside one's reports.
  if (!request) return { kind: 'notAllowed' };
  if (request.learnerId === actor.userId) return { kind: 'ownRequest' };
  const line = await reportingLine(deps, actor.tenantId, request.learnerId);
  if (!managesPerson(actor, line)) return { kind: 'notAllowed' };
  if ((decision.comment?.trim().length ?? 0) > LEARNING_TIME_LIMITS.commentMaxLength)
    return { kind: 'commentTooLong', request };

  const now = deps.clock.now();
  const changed = await changeRequest(deps, actor.tenantId, decision.requestId, (current) => {
    if (!learningTimeRules.decide(actor, current, line)) return { result: 'alreadyDecided' as const };
    const outcome = decideRequest(current, { ...decision, by: actor.userId }, now);
    return outcome.kind === 'decided'
      ? { next: outcome.request, result: 'decided' as const }
      : { result: 'alreadyDecided' as const };
  });
  if (!changed.found) return { kind: 'notAllowed' };
  return { kind: changed.result, request: changed.request };
}

export type CancelLearningTimeOutcome =
  | { kind: 'cancelled'; request: LearningTimeRequest }
  | { kind: 'alreadyDecided'; request: LearningTimeRequest }
  | { kind: 'notAllowed' };

/** The learner takes back a request nobody has decided yet. */
export async function cancelLearningTime(
  deps: Pick<ManagersDeps, 'clock' | 'learningTime'>,
  actor: Actor,
  requestId: string,
): Promise<CancelLearningTimeOutcome> {
  const request = await deps.learningTime.get(actor.tenantId, requestId);
  if (!request || request.learnerId !== actor.userId || request.tenantId !== actor.tenantId)
    return { kind: 'notAllowed' };
  const now = deps.clock.now();
  const changed = await changeRequest(deps, actor.tenantId, requestId, (current) => {
    if (!learningTimeRules.cancel(actor, current)) return { result: 'alreadyDecided' as const };
    const outcome = cancelRequest(current, now);
    return outcome.kind === 'cancelled'
      ? { next: outcome.request, result: 'cancelled' as const }
      : { result: 'alreadyDecided' as const };
  });
  if (!changed.found) return { kind: 'notAllowed' };
  return { kind: changed.result, request: changed.request };
}
