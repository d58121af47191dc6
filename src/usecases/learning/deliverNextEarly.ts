import type { LearningDeps } from './learningDeps.ts';

export type NextEarlyOutcome =
  { kind: 'queued'; programId: string; stepId: string } | { kind: 'notSelfPaced' } | { kind: 'nothingNext' };

/**
 * `next`: in a self-paced program, the next step not yet sent goes out now instead of on its due
 * date. It only moves the step's due work; the scheduler sends it, so every send still goes
 * through the same records and caps.
 */
export async function deliverNextEarly(
  deps: Pick<LearningDeps, 'enrollments' | 'steps' | 'dueWork' | 'catalog' | 'clock'>,
  person: { tenantId: string; userId: string },
): Promise<NextEarlyOutcome> {
  const active = (await deps.enrollments.listForPerson(person.tenantId, person.userId)).filter(
    (e) => e.status === 'active',
  );
  const selfPaced = active.filter((e) => deps.catalog.find(e.programId)?.selfPaced);
  if (active.length > 0 && selfPaced.length === 0) return { kind: 'notSelfPaced' };
  const now = deps.clock.now();
  for (const enrollment of selfPaced.sort((a, b) => (a.nextDueAt ?? '').localeCompare(b.nextDueAt ?? ''))) {
    const program = deps.catalog.find(enrollment.programId)!;
    const states = await deps.steps.listForEnrollment(person.tenantId, person.userId, program.id);
    const waiting = program.steps
      .map((step) => states.find((s) => s.stepId === step.id))
      .find((s) => s?.status === 'scheduled');
    if (!waiting) continue;
    const work = (await deps.dueWork.listForPerson(person.tenantId, person.userId)).find(
      (w) => w.programId === program.id && w.stepId === waiting.stepId && w.kind === 'step',
    );
    if (work && new Date(work.at) > now) await deps.dueWork.move(work, now);
    return { kind: 'queued', programId: program.id, stepId: waiting.stepId };
  }
  return { kind: 'nothingNext' };
}
