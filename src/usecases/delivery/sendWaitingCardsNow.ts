import type { LearningDeps } from '../learning/learningDeps.ts';

/**
 * Cards that fell due while Drypp could not reach the person wait on the outbound pipeline (or were
 * put off); once the chat is known, their due work is moved to now, so the scheduler's next round
 * wakes them and the first card follows within seconds.
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
    // Only work whose own due date has passed: the rest keeps its schedule. A card waiting on the
    // outbound pipeline for this chat is woken by the scheduler's next round; its status row keeps
    // it from going out twice.
    if (step && step.status !== 'done' && new Date(step.dueAt) <= now) {
      await deps.dueWork.move(work, now);
      moved++;
    }
  }
  return moved;
}
