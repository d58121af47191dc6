import {
  calendarBlock,
  followUpTasks,
  type FollowUpTask,
  type LearningTimeRequest,
} from '../../../domain/managers/learningTimeRequest.ts';
import { changeRequest } from './changeRequest.ts';
import type { LearningTimePresenter } from './learningTimeCards.ts';
import { LEARNING_TIME_KIND, viewFor, type LearningTimeCardRef } from './learningTimeCardKind.ts';
import type { ManagersDeps } from '../managersDeps.ts';

/** After this many failed rounds a task is given up (the tab still shows the request). */
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

export interface FollowUpReport {
  cards: number;
  booked: number;
  retried: number;
  failed: number;
}

/** The pipeline keys of a request's two cards: each goes out once. */
export const learningTimeCardKey = (request: LearningTimeRequest, to: 'manager' | 'learner') =>
  `learningTime|${request.id}|${to}`;

/**
 * The follow-up job's round for one tenant: for each request with work left, send the manager's
 * card, book approved time in the learner's calendar (Graph, with the request's transaction id),
 * then send the learner the answer. Every step is safe to run twice (delivery keys, transaction id,
 * ETag-guarded flags), so two workers or a crash in between lose and repeat nothing. Runs in a job,
 * never in a card's invoke: Teams gives an invoke a few seconds.
 */
export async function followUpLearningTime(
  deps: ManagersDeps,
  presenter: LearningTimePresenter,
  tenantId: string,
  options: { limit?: number } = {},
): Promise<FollowUpReport> {
  const report: FollowUpReport = { cards: 0, booked: 0, retried: 0, failed: 0 };
  const now = deps.clock.now();
  const due = await deps.learningTime.listWithFollowUp(tenantId, options.limit ?? 100);
  for (const listed of due) {
    if (listed.followUpAfter && Date.parse(listed.followUpAfter) > now.getTime()) continue;
    let request = listed;
    for (const task of followUpTasks(request)) {
      const result = await runTask(deps, presenter, request, task);
      report[result.counts]++;
      const changed = await changeRequest(deps, tenantId, request.id, (current) => ({
        next: result.ok ? result.apply(current) : retryLater(current, result.reason, now),
        result: undefined,
      }));
      if (!changed.found) break;
      request = changed.request;
      if (!result.ok) break;
    }
    if (followUpTasks(request).length === 0 && request.followUp) {
      await changeRequest(deps, tenantId, request.id, (current) =>
        followUpTasks(current).length === 0 && current.followUp
          ? {
              next: { ...current, followUp: false, followUpAttempts: undefined, followUpAfter: undefined },
              result: undefined,
            }
          : { result: undefined },
      );
    }
  }
  return report;
}

type TaskResult =
  | {
      ok: true;
      counts: 'cards' | 'booked' | 'failed';
      apply(current: LearningTimeRequest): LearningTimeRequest;
    }
  | { ok: false; counts: 'retried'; reason: string };

async function runTask(
  deps: ManagersDeps,
  presenter: LearningTimePresenter,
  request: LearningTimeRequest,
  task: FollowUpTask,
): Promise<TaskResult> {
  switch (task) {
    case 'sendManagerCard':
    case 'sendLearnerCard': {
      // Handed to the outbound pipeline (interactive lane: a person is waiting for it), which sends
      // it once under its key, with the pipeline's retries; the request only records that.
      const to = task === 'sendManagerCard' ? 'manager' : 'learner';
      const ref: LearningTimeCardRef = { requestId: request.id, to };
      await deps.outbound.enqueue([
        {
          tenantId: request.tenantId,
          userId: to === 'manager' ? request.managerId : request.learnerId,
          key: learningTimeCardKey(request, to),
          kind: LEARNING_TIME_KIND,
          ref,
          lane: 'interactive',
        },
      ]);
      const apply = (r: LearningTimeRequest) =>
        to === 'manager' ? { ...r, managerCardSent: true } : { ...r, learnerCardSent: true };
      return { ok: true, counts: 'cards', apply };
    }
    case 'book': {
      if (!deps.calendar)
        return {
          ok: true,
          counts: 'failed',
          apply: (r) => ({ ...r, booking: 'failed', bookingFailure: 'no calendar connection configured' }),
        };
      const chat = await deps.conversations.find(request.tenantId, request.learnerId);
      const view = await viewFor(deps, request, request.learnerId, chat);
      const block = calendarBlock(request);
      const booked = await deps.calendar.createEvent(request.tenantId, request.learnerId, {
        ...block,
        ...presenter.calendarText(view),
      });
      if (booked.kind === 'booked')
        return {
          ok: true,
          counts: 'booked',
          apply: (r) => ({ ...r, booking: 'booked', eventId: booked.eventId }),
        };
      if (booked.kind === 'retry') return { ok: false, counts: 'retried', reason: booked.reason };
      return {
        ok: true,
        counts: 'failed',
        apply: (r) => ({ ...r, booking: 'failed', bookingFailure: booked.reason }),
      };
    }
  }
}

/** Tries again later, further apart each time; after MAX_ATTEMPTS the request rests (the tab shows it). */
function retryLater(current: LearningTimeRequest, reason: string, now: Date): LearningTimeRequest {
  const attempts = (current.followUpAttempts ?? 0) + 1;
  if (attempts >= MAX_ATTEMPTS)
    return { ...current, followUp: false, followUpAttempts: attempts, followUpFailure: reason };
  const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
  return {
    ...current,
    followUpAttempts: attempts,
    followUpAfter: new Date(now.getTime() + delay).toISOString(),
    followUpFailure: reason,
  };
}
