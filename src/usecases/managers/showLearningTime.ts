import {
  learningTimeActions,
  managesPerson,
  type Actor,
  type LearningTimeAction,
  type ReportingLine,
} from '../../domain/access/managerRules.ts';
import type { LearningTimeRequest } from '../../domain/managers/learningTimeRequest.ts';
import type { ManagersDeps } from './managersDeps.ts';
import { reportingLine } from './reportingLine.ts';

export interface LearningTimeItem {
  request: LearningTimeRequest;
  learnerName: string;
  /** What the caller may do with it now: the tab shows exactly these buttons. */
  actions: LearningTimeAction[];
}

/** A learner's own requests, newest first, with "cancel" where it is still possible. */
export async function myLearningTimeRequests(
  deps: Pick<ManagersDeps, 'people' | 'learningTime'>,
  actor: Actor,
): Promise<LearningTimeItem[]> {
  const [requests, me] = await Promise.all([
    deps.learningTime.listForLearner(actor.tenantId, actor.userId),
    deps.people.get(actor.tenantId, actor.userId),
  ]);
  const line: ReportingLine = { tenantId: actor.tenantId, personId: actor.userId, managerIds: [] };
  return requests
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((request) => ({
      request,
      learnerName: me?.displayName ?? '',
      actions: learningTimeActions(actor, request, line),
    }));
}

/**
 * The pending requests a manager may decide: those of their people at any level. Each learner's
 * reporting line is read once.
 */
export async function pendingLearningTimeForManager(
  deps: Pick<ManagersDeps, 'people' | 'learningTime'>,
  actor: Actor,
): Promise<LearningTimeItem[]> {
  const pending = await deps.learningTime.listPending(actor.tenantId);
  const lines = new Map<string, Promise<ReportingLine>>();
  const lineOf = (learnerId: string) => {
    let line = lines.get(learnerId);
    if (!line) lines.set(learnerId, (line = reportingLine(deps, actor.tenantId, learnerId)));
    return line;
  };
  const items = await Promise.all(
    pending.map(async (request) => {
      const line = await lineOf(request.learnerId);
      if (!managesPerson(actor, line)) return undefined;
      const learner = await deps.people.get(actor.tenantId, request.learnerId);
      return {
        request,
        learnerName: learner?.displayName ?? '',
        actions: learningTimeActions(actor, request, line),
      };
    }),
  );
  return items
    .filter((i): i is LearningTimeItem => i !== undefined)
    .sort((a, b) => a.request.createdAt.localeCompare(b.request.createdAt));
}

/** One request as the caller may see it (learner or a manager of theirs); undefined otherwise. */
export async function showLearningTimeRequest(
  deps: Pick<ManagersDeps, 'people' | 'learningTime'>,
  actor: Actor,
  requestId: string,
): Promise<LearningTimeItem | undefined> {
  const request = await deps.learningTime.get(actor.tenantId, requestId);
  if (!request) return undefined;
  const line = await reportingLine(deps, actor.tenantId, request.learnerId);
  if (request.learnerId !== actor.userId && !managesPerson(actor, line)) return undefined;
  const learner = await deps.people.get(actor.tenantId, request.learnerId);
  return {
    request,
    learnerName: learner?.displayName ?? '',
    actions: learningTimeActions(actor, request, line),
  };
}
