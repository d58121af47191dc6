import { allowedActions, type Actor, type LearningTimeAction } from '../../../domain/access/index.ts';
import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';
import type { ManagersDeps } from '../managersDeps.ts';
import { actorFor, reportingLine, requestResource, type Caller } from '../team/reportingLine.ts';

export interface LearningTimeItem {
  request: LearningTimeRequest;
  learnerName: string;
  /** What the caller may do with it now (cancel, decideRequest): the tab shows exactly these buttons. */
  actions: Exclude<LearningTimeAction, 'view'>[];
}

/** The actions on a request the caller may see; undefined when they may not even see it. */
function actionsOn(actor: Actor, request: LearningTimeRequest): LearningTimeItem['actions'] | undefined {
  const actions = allowedActions(actor, requestResource(request));
  if (!actions.includes('view')) return undefined;
  return actions.filter((a): a is Exclude<LearningTimeAction, 'view'> => a !== 'view');
}

/** One request as the caller may see it (the learner or a manager of theirs); undefined otherwise. */
export async function showLearningTimeRequest(
  deps: Pick<ManagersDeps, 'people' | 'learningTime'>,
  caller: Caller,
  requestId: string,
): Promise<LearningTimeItem | undefined> {
  const request = await deps.learningTime.get(caller.tenantId, requestId);
  if (!request) return undefined;
  const actions = actionsOn(
    actorFor(caller, await reportingLine(deps, caller.tenantId, request.learnerId)),
    request,
  );
  if (!actions) return undefined;
  const learner = await deps.people.get(caller.tenantId, request.learnerId);
  return { request, learnerName: learner?.displayName ?? '', actions };
}
