import type { LearningDeps } from '../learning/learningDeps.ts';

/**
 * Cards that fell due while Drypp could not reach the person were put off (retried later); once the
 * chat is known, those overdue ones are moved to now so the first card follows within seconds.
 */
export async function sendWaitingCardsNow(
  deps: Pick<LearningDeps, 'dueWork' | 'steps' | 'clock'>,
  person: { tenantId: string; userId: string },
): Promise<number> {
  const now = deps.clock.now();
  let moved = 0;
  for (const work of await deps.dueWork.listForPerson(person.tenantId, person.userId)) {
    if (new Date(work.at) <= now || work.kind !== 'step') continue;
    const step = await deps.steps.get(person.tenantId, person.userId, work.programId, work.stepId);
    // Only work whose own due date has passed: the rest keeps its schedule. A step whose send failed
    // for want of a chat is already marked sent (deliverDueCards marks it just before the send), so
    // only a done step is left alone; the delivery record keeps a card from going out twice.
    if (step && step.status !== 'done' && new Date(step.dueAt) <= now) {
      await deps.dueWork.move(work, now);
      moved++;
    }
  }
  return moved;
}
