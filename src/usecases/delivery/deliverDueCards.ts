import {
  localDay,
  nextDeliverySlot,
  startOfNextLocalDay,
  reminderDueAt,
  underDailyCap,
  withTimeZone,
  type DeliveryPolicy,
} from '../../domain/delivery/deliveryPolicy.ts';
import type { Language } from '../../domain/platform/language.ts';
import { personLanguage } from '../../domain/platform/language.ts';
import { deliveryKey, type DueWork } from '../../domain/delivery/dueWork.ts';
import { type StepState } from '../../domain/learning/stepState.ts';
import type { LearningDeps } from '../learning/learningDeps.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import { markFirstCardDelivered } from '../directory/reachNewHires.ts';
import type { Stored } from '../platform/ports.ts';
import { assessorOf, isAskedOfManager } from '../../domain/learning/program.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';

/**
 * Builds the card for a piece of due work, in the language of the one who gets it (the learner, or
 * their manager for a check-in); undefined when there is nothing to send any more.
 */
export type RenderDueCard = (
  work: DueWork,
  context: { enrollment: Enrollment; step: StepState; language: Language; now: Date; learnerName: string },
) => object | undefined;

export interface RoundReport {
  sent: number;
  deferred: number;
  dropped: number;
  failed: number;
}

/** A send that started this long ago and never finished is taken as lost, and tried again. */
const STALE_SENDING_MS = 2 * 60_000;
const RETRY_UNREACHABLE_MS = 60 * 60_000;

/**
 * One scheduler round for one tenant: every card due by now goes out once, inside the person's
 * working hours and under their daily cap. The caller holds the tenant's lease; the delivery record
 * (written before and after each send, under the card's deterministic key) makes a second worker or
 * a restart skip what was already sent, even if a lease ever overlapped.
 */
export async function deliverDueCards(
  deps: LearningDeps,
  render: RenderDueCard,
  tenantId: string,
  options: { limit?: number; holder: string },
): Promise<RoundReport> {
  const now = deps.clock.now();
  const report: RoundReport = { sent: 0, deferred: 0, dropped: 0, failed: 0 };
  const due = await deps.dueWork.listDue(tenantId, now, options.limit ?? 200);

  for (const work of due) {
    const enrollment = await deps.enrollments.get(tenantId, work.userId, work.programId);
    const step = await deps.steps.get(tenantId, work.userId, work.programId, work.stepId);
    // Questions keep coming back after the program is completed (that is when forgetting starts).
    const live =
      enrollment?.status === 'active' || (work.kind === 'review' && enrollment?.status === 'completed');
    if (!enrollment || !live || !step || isSettled(work, step)) {
      await deps.dueWork.remove(work);
      report.dropped++;
      continue;
    }

    const policy = withTimeZone(deps.policy, enrollment.timeZone ?? deps.policy.timeZone);
    const slot = nextDeliverySlot(now, policy);
    if (slot > now) {
      await deps.dueWork.move(work, slot);
      report.deferred++;
      continue;
    }
    const today = localDay(now, policy.timeZone);
    const key = deliveryKey(work);
    if (!underDailyCap(await deps.deliveries.countSentOnDay(tenantId, work.userId, today), policy)) {
      // The cap counts per local day: the next chance is the person's own next midnight, not UTC's.
      await deps.dueWork.move(work, nextDeliverySlot(startOfNextLocalDay(now, policy.timeZone), policy));
      report.deferred++;
      continue;
    }

    const begun = await deps.deliveries.begin({
      tenantId,
      key,
      status: 'sending',
      startedAt: now.toISOString(),
    });
    let etag: string;
    if (begun.created) etag = begun.etag;
    else {
      const { existing } = begun;
      const stale =
        existing.status === 'sending' && now.getTime() - Date.parse(existing.startedAt) > STALE_SENDING_MS;
      if (existing.status === 'sent' || (existing.status === 'sending' && !stale)) {
        if (existing.status === 'sent') await deps.dueWork.remove(work);
        report.dropped++;
        continue;
      }
      // A failed or lost attempt: take the record over with its ETag so only one worker retries.
      const retaken = await deps.deliveries.finish({
        ...existing,
        status: 'sending',
        startedAt: now.toISOString(),
      });
      if (retaken === 'conflict') continue;
      etag = retaken.etag;
    }
    const record = { tenantId, key, startedAt: now.toISOString(), etag };

    const learner = await deps.people.get(tenantId, work.userId);
    // A check-in is asked of the learner's manager, about the learner; everything else goes to the learner.
    const program = deps.catalog.find(work.programId);
    // A practical exercise's card goes to its assessor, named in content by sign-in name.
    const stepOfWork = program?.steps.find((s) => s.id === work.stepId);
    const assessorUpn = assessorOf(stepOfWork);
    const assessor = assessorUpn ? await deps.people.findByUpn(tenantId, assessorUpn) : undefined;
    const forManager = isAskedOfManager(stepOfWork);
    const forOther = forManager || assessorUpn !== undefined;
    const recipientId = assessorUpn ? assessor?.id : forManager ? learner?.managerId : work.userId;
    const [conversation, recipient] = recipientId
      ? await Promise.all([
          deps.conversations.find(tenantId, recipientId),
          assessor ?? (forManager ? deps.people.get(tenantId, recipientId) : learner),
        ])
      : [undefined, undefined];
    const language = personLanguage(recipient?.preferredLanguage, conversation?.locale);
    const card = recipientId
      ? render(work, { enrollment, step, language, now, learnerName: learner?.displayName ?? '' })
      : undefined;
    if (!card || !recipientId) {
      const failure = recipientId
        ? 'nothing to send'
        : assessorUpn
          ? 'no such assessor'
          : 'no manager to ask';
      await deps.deliveries.finish({ ...record, status: 'failed', failure });
      await deps.dueWork.remove(work);
      report.dropped++;
      continue;
    }

    // The step counts as sent before the card leaves: a person may answer the moment it lands, and a
    // card action is accepted only on a step that was sent. A send that fails is retried below.
    const marked = await markStepSent(deps, work, step, now);
    const result = await deps.sender.sendCard(tenantId, recipientId, card);
    if (!result.ok) {
      await deps.deliveries.finish({ ...record, status: 'failed', failure: result.reason });
      const retryMs = result.retryable ? result.retryAfterMs : RETRY_UNREACHABLE_MS;
      await deps.dueWork.move(work, new Date(now.getTime() + retryMs));
      report.failed++;
      continue;
    }
    // A conflict here means another worker took the record over as stale while this send was in
    // flight (it will send again: the one duplicate the records cannot prevent); the steps after
    // are idempotent, so both finish them.
    await deps.deliveries.finish({
      ...record,
      status: 'sent',
      sentAt: deps.clock.now().toISOString(),
      activityId: result.activityId,
    });
    await deps.deliveries.recordSentOnDay(tenantId, work.userId, today, key);
    if (marked === 'recorded') await scheduleReminder(deps, work, step, now, policy);
    // A check-in (or an exercise) reached someone else, not the learner: it says nothing about reaching them.
    if (!forOther) await markFirstCardDelivered(deps, tenantId, work.userId);
    await deps.dueWork.remove(work);
    report.sent++;
  }
  return report;
}

/** Work for a step that is already done is void, except reviews (they follow a done quiz). */
function isSettled(work: DueWork, step: StepState): boolean {
  if (work.kind === 'review') return false;
  return step.status === 'done';
}

/**
 * Records on the step that its card is going out (status sent, the reminder count). A person who
 * answered meanwhile wins: a done step stays done.
 */
async function markStepSent(
  deps: LearningDeps,
  work: DueWork,
  step: Stored<StepState>,
  now: Date,
): Promise<'recorded' | 'answered' | 'review'> {
  if (work.kind === 'review') return 'review';
  const remindersSent = work.kind === 'reminder' ? work.n : step.remindersSent;
  return retryOnConflict('record a sent card on its step', async (n) => {
    const current =
      n === 1 ? step : await deps.steps.get(step.tenantId, step.userId, step.programId, step.stepId);
    if (!current || current.status === 'done') return 'answered';
    const updated = await deps.steps.update({
      ...current,
      status: 'sent',
      sentAt: current.sentAt ?? now.toISOString(),
      remindersSent,
    });
    return orConflict(updated, 'recorded');
  });
}

/** After a step's card (or a reminder) went out: the next reminder, if the policy has one. */
async function scheduleReminder(
  deps: LearningDeps,
  work: DueWork,
  step: StepState,
  now: Date,
  policy: DeliveryPolicy,
): Promise<void> {
  const remindersSent = work.kind === 'reminder' ? work.n : step.remindersSent;
  const reminderAt = reminderDueAt(new Date(step.dueAt), remindersSent, policy);
  if (reminderAt) {
    await deps.dueWork.add({
      ...work,
      kind: 'reminder',
      n: remindersSent + 1,
      at: maxDate(reminderAt, now).toISOString(),
    });
  }
}

function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}
