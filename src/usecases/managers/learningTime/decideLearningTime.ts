import { can, learnerActor } from '../../../domain/access/index.ts';
import {
  cancelRequest,
  decideRequest,
  LEARNING_TIME_LIMITS,
  type LearningTimeDecision,
  type LearningTimeRequest,
} from '../../../domain/managers/learningTimeRequest.ts';
import { changeRequest } from './changeRequest.ts';
import type { ManagersDeps } from '../managersDeps.ts';
import { actorFor, reportingLine, requestResource, type Caller } from '../team/reportingLine.ts';

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
  caller: Caller,
  decision: { requestId: string; verdict: LearningTimeDecision; comment?: string; in: 'card' | 'tab' },
): Promise<DecideLearningTimeOutcome> {
  const request = await deps.learningTime.get(caller.tenantId, decision.requestId);
  // Unknown and not-yours look the same: no detail about anyone outside one's reports.
  if (!request) return { kind: 'notAllowed' };
  if (request.learnerId === caller.userId) return { kind: 'ownRequest' };
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, request.learnerId));
  // Someone who manages the learner is told a settled request is settled; anyone else learns nothing.
  if (!actor.roles.includes('manager')) return { kind: 'notAllowed' };
  if ((decision.comment?.trim().length ?? 0) > LEARNING_TIME_LIMITS.commentMaxLength)
    return { kind: 'commentTooLong', request };

  const now = deps.clock.now();
  const changed = await changeRequest(deps, caller.tenantId, decision.requestId, (current) => {
    if (!can(actor, 'decideRequest', requestResource(current))) return { result: 'alreadyDecided' as const };
    const outcome = decideRequest(current, { ...decision, by: caller.userId }, now);
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
  caller: Caller,
  requestId: string,
): Promise<CancelLearningTimeOutcome> {
  const actor = learnerActor(caller.tenantId, caller.userId);
  const request = await deps.learningTime.get(caller.tenantId, requestId);
  if (!request || !can(actor, 'view', requestResource(request))) return { kind: 'notAllowed' };
  const now = deps.clock.now();
  const changed = await changeRequest(deps, caller.tenantId, requestId, (current) => {
    if (!can(actor, 'cancel', requestResource(current))) return { result: 'alreadyDecided' as const };
    const outcome = cancelRequest(current, now);
    return outcome.kind === 'cancelled'
      ? { next: outcome.request, result: 'cancelled' as const }
      : { result: 'alreadyDecided' as const };
  });
  if (!changed.found) return { kind: 'notAllowed' };
  return { kind: changed.result, request: changed.request };
}
