import { reminderDueAt, withTimeZone } from '../../../domain/delivery/deliveryPolicy.ts';
import { deliveryKey, type DueWork } from '../../../domain/delivery/dueWork.ts';
import { personLanguage } from '../../../domain/platform/language.ts';
import { markFirstCardDelivered } from '../../directory/reachNewHires.ts';
import type { LearningDeps } from '../../learning/learningDeps.ts';
import { orConflict, retryOnConflict } from '../../platform/retryOnConflict.ts';
import type { RenderDueCard } from '../deliverDueCards.ts';
import type { OutboundCardKind } from '../outboundPorts.ts';
import { DRIP_KIND, workOf } from './dripItem.ts';

/** A drip card that could not be delivered is looked at again this much later (the schedule keeps it). */
const RETRY_UNDELIVERED_MS = 60 * 60_000;
/** …and a day later when the person blocked the bot or the admin disabled the app (403). */
const RETRY_FORBIDDEN_MS = 24 * 60 * 60_000;
const FORBIDDEN = new Set(['botBlocked', 'appDisabled', 'forbidden']);
/** The renderer's reasons for sending nothing: the due work is void, not to be retried. */
export const DRIP_SKIPS = ['answered', 'notLive', 'noManager', 'nothingToSend'] as const;
const SKIPS: ReadonlySet<string> = new Set(DRIP_SKIPS);

export type DripDeps = Pick<
  LearningDeps,
  'clock' | 'catalog' | 'enrollments' | 'steps' | 'dueWork' | 'people' | 'reachability' | 'policy'
>;

/**
 * The outbound pipeline's `drip` kind: the scheduler's cards (steps, reminders, reviews, check-ins).
 * The card is built at send time from the step as it is then (a step answered meanwhile is skipped).
 * The step counts as sent only around a real send: it is marked just before the call (a person may
 * answer the moment the card lands, and an answer is accepted only on a sent step) and put back to
 * scheduled when the card could not be delivered, so "reached" in My team means reached. The due
 * work stays in the schedule until the card is delivered: removed then, or moved on for a retry.
 * Every hook is safe to run twice.
 */
export function dripCardKind(deps: DripDeps, render: RenderDueCard): OutboundCardKind {
  return {
    kind: DRIP_KIND,
    async render(item, context) {
      const work = { ...workOf(item), at: context.now.toISOString() };
      const [enrollment, step] = await Promise.all([
        deps.enrollments.get(item.tenantId, work.userId, work.programId),
        deps.steps.get(item.tenantId, work.userId, work.programId, work.stepId),
      ]);
      // Questions keep coming back after the program is completed (that is when forgetting starts).
      const live =
        enrollment?.status === 'active' || (work.kind === 'review' && enrollment?.status === 'completed');
      if (!enrollment || !live || !step) return { skip: 'notLive' };
      if (work.kind !== 'review' && step.status === 'done') return { skip: 'answered' };
      const [recipient, learner] = await Promise.all([
        deps.people.get(item.tenantId, item.userId),
        item.userId === work.userId ? undefined : deps.people.get(item.tenantId, work.userId),
      ]);
      const language = personLanguage(recipient?.preferredLanguage, context.locale);
      const card = render(work, {
        enrollment,
        step,
        language,
        now: context.now,
        learnerName: (learner ?? recipient)?.displayName ?? '',
      });
      return card ? { card } : { skip: 'nothingToSend' };
    },

    async beforeSend(item) {
      const work = workOf(item);
      if (work.kind === 'review') return;
      const now = deps.clock.now().toISOString();
      await changeStep(deps, work, (step) => ({
        ...step,
        status: 'sent',
        sentAt: step.sentAt ?? now,
        remindersSent: work.kind === 'reminder' ? work.n : step.remindersSent,
      }));
    },

    async afterSent(item, sent) {
      const work = workOf(item);
      if (work.kind !== 'review') await scheduleReminder(deps, work, sent.at);
      // A check-in reached the manager, not the learner: it says nothing about reaching them.
      if (item.userId === work.userId) await markFirstCardDelivered(deps, item.tenantId, work.userId);
      for (const waiting of await scheduled(deps, work)) await deps.dueWork.remove(waiting);
    },

    async afterFailed(item, reason) {
      const work = workOf(item);
      if (SKIPS.has(reason)) {
        for (const waiting of await scheduled(deps, work)) await deps.dueWork.remove(waiting);
        return;
      }
      // Not delivered: the step is not reached (unless a card went out before, or it was answered).
      if (work.kind === 'step')
        await changeStep(deps, work, (step) => ({ ...step, status: 'scheduled', sentAt: undefined }));
      const later = new Date(
        deps.clock.now().getTime() + (FORBIDDEN.has(reason) ? RETRY_FORBIDDEN_MS : RETRY_UNDELIVERED_MS),
      );
      for (const waiting of await scheduled(deps, work))
        if (new Date(waiting.at) < later) await deps.dueWork.move(waiting, later);
    },
  };
}

/** The schedule's rows for this work (normally one; two after a crash in the middle of a move). */
async function scheduled(deps: DripDeps, work: Omit<DueWork, 'at'>): Promise<DueWork[]> {
  const key = deliveryKey(work);
  return (await deps.dueWork.listForPerson(work.tenantId, work.userId)).filter((w) => deliveryKey(w) === key);
}

/** Changes a step that is not done (a person who answered meanwhile wins: a done step stays done). */
async function changeStep(
  deps: DripDeps,
  work: Omit<DueWork, 'at'>,
  change: (step: NonNullable<Awaited<ReturnType<DripDeps['steps']['get']>>>) => object,
): Promise<void> {
  await retryOnConflict('record a drip card on its step', async () => {
    const step = await deps.steps.get(work.tenantId, work.userId, work.programId, work.stepId);
    if (!step || step.status === 'done') return 'unchanged';
    const next = change(step) as typeof step;
    if (
      next.status === step.status &&
      next.sentAt === step.sentAt &&
      next.remindersSent === step.remindersSent
    )
      return 'unchanged';
    return orConflict(await deps.steps.update(next), 'recorded');
  });
}

/**
 * After a step's card (or a reminder) went out: the next reminder, if the policy has one. From the
 * send's recorded time, so a second run after a crash adds the same row, not another one.
 */
async function scheduleReminder(deps: DripDeps, work: Omit<DueWork, 'at'>, sentAt: Date): Promise<void> {
  const step = await deps.steps.get(work.tenantId, work.userId, work.programId, work.stepId);
  if (!step || step.status === 'done') return;
  const enrollment = await deps.enrollments.get(work.tenantId, work.userId, work.programId);
  const policy = withTimeZone(deps.policy, enrollment?.timeZone ?? deps.policy.timeZone);
  const remindersSent = work.kind === 'reminder' ? work.n : step.remindersSent;
  const reminderAt = reminderDueAt(new Date(step.dueAt), remindersSent, policy);
  if (!reminderAt) return;
  const at = reminderAt > sentAt ? reminderAt : sentAt;
  await deps.dueWork.add({ ...work, kind: 'reminder', n: remindersSent + 1, at: at.toISOString() });
}
