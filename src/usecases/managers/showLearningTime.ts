import {
  allowedActions,
  learnerActor,
  type Actor,
  type LearningTimeAction,
} from '../../domain/access/index.ts';
import type { LearningTimeRequest } from '../../domain/managers/learningTimeRequest.ts';
import type { ManagersDeps } from './managersDeps.ts';
import {
  actorFor,
  reportingLine,
  requestResource,
  type Caller,
  type ReportingLine,
} from './reportingLine.ts';

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

/** A learner's own requests, newest first, with "cancel" where it is still possible. */
export async function myLearningTimeRequests(
  deps: Pick<ManagersDeps, 'people' | 'learningTime'>,
  caller: Caller,
): Promise<LearningTimeItem[]> {
  const actor = learnerActor(caller.tenantId, caller.userId);
  const [requests, me] = await Promise.all([
    deps.learningTime.listForLearner(caller.tenantId, caller.userId),
    deps.people.get(caller.tenantId, caller.userId),
  ]);
  return requests
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .flatMap((request) => {
      const actions = actionsOn(actor, request);
      return actions ? [{ request, learnerName: me?.displayName ?? '', actions }] : [];
    });
}

/**
 * The pending requests a manager may decide: those of their people at any level, oldest first.
 * Each learner's reporting line is read once.
 */
export async function pendingLearningTimeForManager(
  deps: Pick<ManagersDeps, 'people' | 'learningTime'>,
  caller: Caller,
): Promise<LearningTimeItem[]> {
  const pending = await deps.learningTime.listPending(caller.tenantId);
  const lines = new Map<string, Promise<ReportingLine>>();
  const lineOf = (learnerId: string) => {
    let line = lines.get(learnerId);
    if (!line) lines.set(learnerId, (line = reportingLine(deps, caller.tenantId, learnerId)));
    return line;
  };
  const items = await Promise.all(
    pending.map(async (request) => {
      const actions = actionsOn(actorFor(caller, await lineOf(request.learnerId)), request);
      if (!actions?.includes('decideRequest')) return undefined;
      const learner = await deps.people.get(caller.tenantId, request.learnerId);
      return { request, learnerName: learner?.displayName ?? '', actions };
    }),
  );
  return items
    .filter((i): i is LearningTimeItem => i !== undefined)
    .sort((a, b) => a.request.createdAt.localeCompare(b.request.createdAt));
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
