import { personLanguage } from '../../../domain/platform/language.ts';
import {
  calendarBlock,
  followUpTasks,
  type FollowUpTask,
  type LearningTimeRequest,
} from '../../../domain/managers/learningTimeRequest.ts';
import { sendCardOnce } from '../../delivery/sendCardOnce.ts';
import { changeRequest } from './changeRequest.ts';
import type { LearningTimePresenter, LearningTimeView } from './learningTimeCards.ts';
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

/** The delivery keys of a request's two cards: each goes out once. */
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
    case 'sendManagerCard': {
      const card = presenter.managerCard(await viewFor(deps, request, request.managerId));
      const sent = await sendCardOnce(deps, {
        tenantId: request.tenantId,
        userId: request.managerId,
        key: learningTimeCardKey(request, 'manager'),
        card,
      });
      if (sent.outcome === 'sent' || sent.outcome === 'alreadySent')
        return { ok: true, counts: 'cards', apply: (r) => ({ ...r, managerCardSent: true }) };
      return { ok: false, counts: 'retried', reason: sent.reason ?? sent.outcome };
    }
    case 'sendLearnerCard': {
      const card = presenter.learnerCard(await viewFor(deps, request, request.learnerId));
      const sent = await sendCardOnce(deps, {
        tenantId: request.tenantId,
        userId: request.learnerId,
        key: learningTimeCardKey(request, 'learner'),
        card,
      });
      if (sent.outcome === 'sent' || sent.outcome === 'alreadySent')
        return { ok: true, counts: 'cards', apply: (r) => ({ ...r, learnerCardSent: true }) };
      return { ok: false, counts: 'retried', reason: sent.reason ?? sent.outcome };
    }
    case 'book': {
      if (!deps.calendar)
        return {
          ok: true,
          counts: 'failed',
          apply: (r) => ({ ...r, booking: 'failed', bookingFailure: 'no calendar connection configured' }),
        };
      const view = await viewFor(deps, request, request.learnerId);
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

async function viewFor(
  deps: ManagersDeps,
  request: LearningTimeRequest,
  readerId: string,
): Promise<LearningTimeView> {
  const [learner, reader, conversation, decider] = await Promise.all([
    deps.people.get(request.tenantId, request.learnerId),
    deps.people.get(request.tenantId, readerId),
    deps.conversations.find(request.tenantId, readerId),
    request.decidedBy ? deps.people.get(request.tenantId, request.decidedBy) : undefined,
  ]);
  return {
    request,
    learnerName: learner?.displayName ?? '',
    deciderName: decider?.displayName,
    language: personLanguage(reader?.preferredLanguage, conversation?.locale),
  };
}
