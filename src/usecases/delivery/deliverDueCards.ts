import {
  localDay,
  nextDeliverySlot,
  startOfNextLocalDay,
  underDailyCap,
  withTimeZone,
} from '../../domain/delivery/deliveryPolicy.ts';
import type { Language } from '../../domain/platform/language.ts';
import { type DueWork } from '../../domain/delivery/dueWork.ts';
import { type StepState } from '../../domain/learning/stepState.ts';
import type { LearningDeps } from '../learning/learningDeps.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import { assessorOf, isAskedOfManager } from '../../domain/learning/program.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import { dripItem, dripKey } from './drip/dripItem.ts';
import { offerPlacement } from '../learning/placement/offerPlacement.ts';

/**
 * Builds the card for a piece of due work, in the language of the one who gets it (the learner, or
 * their manager for a check-in); undefined when there is nothing to send any more.
 */
export type RenderDueCard = (
  work: DueWork,
  context: { enrollment: Enrollment; step: StepState; language: Language; now: Date; learnerName: string },
) => object | undefined;

export interface RoundReport {
  /** Put on the outbound pipeline (or woken there: the person's chat is known now). */
  queued: number;
  deferred: number;
  dropped: number;
}

/**
 * While its card is in the pipeline, due work is looked at again this much later: if the worker
 * that sends it was lost, or the card was delivered but the schedule not told, the next look
 * settles it. A card that could not be delivered moves its work on itself (the drip kind).
 */
const CHECK_BACK_MS = 30 * 60_000;
/** The scheduler never sends itself: it enqueues on `outbound`. */
export type SchedulerDeps = Omit<LearningDeps, 'sender'>;

/** People handled at once in a round (each person's cards one after the other, for the daily cap). */
const PEOPLE_AT_ONCE = 16;

/**
 * One scheduler round for one tenant: every card due by now is put on the outbound pipeline once,
 * inside the person's working hours and under their daily cap; the pipeline sends it (rate,
 * pacing, retries, the Graph install for someone without a chat) and the `drip` kind
 * (./drip/dripCardKind.ts) records it on the step and the schedule. The caller holds the tenant's
 * lease; the pipeline's deterministic key per card makes a second worker or a restart enqueue
 * nothing twice, even if a lease ever overlapped.
 */
export async function deliverDueCards(
  deps: SchedulerDeps,
  tenantId: string,
  options: { limit?: number; holder: string },
): Promise<RoundReport> {
  const now = deps.clock.now();
  const report: RoundReport = { queued: 0, deferred: 0, dropped: 0 };
  const due = await deps.dueWork.listDue(tenantId, now, options.limit ?? 200);
  const byPerson = new Map<string, DueWork[]>();
  for (const work of due) byPerson.set(work.userId, [...(byPerson.get(work.userId) ?? []), work]);
  await mapLimit([...byPerson.values()], PEOPLE_AT_ONCE, async (works) => {
    for (const work of works) report[await scheduleOne(deps, work, now)]++;
  });
  return report;
}

async function scheduleOne(deps: SchedulerDeps, work: DueWork, now: Date): Promise<keyof RoundReport> {
  const { tenantId } = work;
  const [enrollment, step] = await Promise.all([
    deps.enrollments.get(tenantId, work.userId, work.programId),
    deps.steps.get(tenantId, work.userId, work.programId, work.stepId),
  ]);
  // Questions keep coming back after the program is completed (that is when forgetting starts).
  const live =
    enrollment?.status === 'active' || (work.kind === 'review' && enrollment?.status === 'completed');
  if (!enrollment || !live || !step || isSettled(work, step)) {
    await deps.dueWork.remove(work);
    return 'dropped';
  }

  // Already on the pipeline: delivered (the schedule was not told: a crash), or still on its way.
  const target = { tenantId, key: dripKey(work) };
  const existing = await deps.outbound.recipient(target);
  if (existing?.status === 'sent') {
    await deps.dueWork.remove(work);
    return 'dropped';
  }

  const policy = withTimeZone(deps.policy, enrollment.timeZone ?? deps.policy.timeZone);
  const slot = nextDeliverySlot(now, policy);
  if (slot > now) {
    await deps.dueWork.move(work, slot);
    return 'deferred';
  }

  // A check-in is asked of the learner's manager, about the learner; a practical exercise's card goes
  // to its assessor, named in content by sign-in name; everything else goes to the learner.
  const program = deps.catalog.find(work.programId);
  const stepOfWork = program?.steps.find((s) => s.id === work.stepId);
  const assessorUpn = assessorOf(stepOfWork);
  const recipientId = assessorUpn
    ? (await deps.people.findByUpn(tenantId, assessorUpn))?.id
    : isAskedOfManager(stepOfWork)
      ? (await deps.people.get(tenantId, work.userId))?.managerId
      : work.userId;
  if (!recipientId) {
    await deps.dueWork.remove(work);
    return 'dropped';
  }

  if (
    existing &&
    (existing.status === 'queued' || existing.status === 'installing' || existing.status === 'sending')
  ) {
    // On its way. Enqueued again all the same: a queued row gets its message again (a crash may
    // have come between the row and its message; a second message is harmless), and one waiting
    // for the person's chat, which Teams has announced meanwhile, is tried now.
    const chatKnown =
      existing.status === 'installing' && Boolean(await deps.conversations.find(tenantId, recipientId));
    await deps.outbound.enqueue([dripItem(work, recipientId, String(existing.ref.day))], { wake: chatKnown });
    await deps.dueWork.move(work, new Date(now.getTime() + CHECK_BACK_MS));
    return chatKnown ? 'queued' : 'deferred';
  }

  const today = localDay(now, policy.timeZone);
  // The cap counts per local day: the next chance is the person's own next midnight, not UTC's.
  // A card counts when it is put on the pipeline (not when it lands), so a burst never exceeds it.
  // A placement quiz sent in a card's place counts as that card (offerPlacement records it).
  if (!underDailyCap(await deps.deliveries.countSentOnDay(tenantId, work.userId, today), policy)) {
    await deps.dueWork.move(work, nextDeliverySlot(startOfNextLocalDay(now, policy.timeZone), policy));
    return 'deferred';
  }

  // The first card of a part with a placement quiz: the quiz goes first, and the card waits for it.
  const placement = program && (await offerPlacement(deps, { work, program, enrollment, step, now, today }));
  if (placement) return placement;

  await deps.deliveries.recordSentOnDay(tenantId, work.userId, today, target.key);
  // A failed or skipped earlier attempt (the person could not be reached then) is tried again.
  await deps.outbound.enqueue([dripItem(work, recipientId, today)], { retryFailed: true });
  await deps.dueWork.move(work, new Date(now.getTime() + CHECK_BACK_MS));
  return 'queued';
}

/** Work for a step that is already done is void, except reviews (they follow a done quiz). */
function isSettled(work: DueWork, step: StepState): boolean {
  if (work.kind === 'review') return false;
  return step.status === 'done';
}
