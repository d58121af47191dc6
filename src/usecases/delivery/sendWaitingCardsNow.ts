import type { StepState } from '../../domain/learning/stepState.ts';
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
  const later = (await deps.dueWork.listForPerson(person.tenantId, person.userId)).filter(
    (work) => new Date(work.at) > now && work.kind === 'step',
  );
  // Each program's steps in one read (a new hire's whole schedule is later work: one read, not one
  // per step).
  const stepsOf = new Map<string, Promise<Map<string, StepState>>>();
  const steps = (programId: string) => {
    let read = stepsOf.get(programId);
    if (!read) {
      read = deps.steps
        .listForEnrollment(person.tenantId, person.userId, programId)
        .then((all) => new Map(all.map((s) => [s.stepId, s])));
      stepsOf.set(programId, read);
    }
    return read;
  };
  let moved = 0;
  for (const work of later) {
    const step = (await steps(work.programId)).get(work.stepId);
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
