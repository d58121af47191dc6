import { effectiveTimeZone } from '../../domain/delivery/deliveryPolicy.ts';
import { progressOf } from '../../domain/learning/enrollmentState.ts';
import { stepDueDates } from '../../domain/learning/schedule.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { LearningDeps } from './learningDeps.ts';

export type EnrollOutcome =
  | { kind: 'enrolled'; enrollment: Enrollment }
  | { kind: 'alreadyEnrolled'; enrollment: Enrollment }
  | { kind: 'unknownProgram' };

/**
 * Enrolls a person in a program: the enrollment, one progress row per step and the schedule of
 * cards. Safe to run twice: every row has a deterministic key, so a second run (or a retry after a
 * crash half-way) adds what is missing and changes nothing that exists.
 */
export async function enrollPerson(
  deps: Pick<LearningDeps, 'clock' | 'catalog' | 'enrollments' | 'steps' | 'dueWork' | 'policy'>,
  request: { person: Person; programId: string; start?: Date },
): Promise<EnrollOutcome> {
  const program = deps.catalog.find(request.programId);
  if (!program) return { kind: 'unknownProgram' };
  const { person } = request;
  const now = deps.clock.now();
  const start = request.start ?? now;
  const timeZone = effectiveTimeZone(person.timeZone, deps.policy.timeZone);
  const hireDate = person.hireDate ? new Date(person.hireDate) : undefined;
  const dueDates = stepDueDates(program, { start, hireDate }, timeZone);
  const firstDue = [...dueDates.values()].sort((a, b) => a.getTime() - b.getTime())[0];

  const fresh: Enrollment = {
    tenantId: person.tenantId,
    userId: person.id,
    programId: program.id,
    programVersion: program.version,
    status: 'active',
    enrolledAt: now.toISOString(),
    startAt: start.toISOString(),
    hireDate: person.hireDate,
    timeZone,
    completedSteps: 0,
    totalSteps: progressOf(program, new Set()).total,
    nextDueAt: firstDue?.toISOString(),
  };
  const created = await deps.enrollments.create(fresh);
  const enrollment =
    created === 'created'
      ? fresh
      : ((await deps.enrollments.get(person.tenantId, person.id, program.id)) ?? fresh);
  if (enrollment.status !== 'active') return { kind: 'alreadyEnrolled', enrollment };

  // Schedule with the enrollment's own version and anchor, so a re-run matches the first run exactly.
  for (const step of program.steps) {
    const dueAt = (dueDates.get(step.id) ?? start).toISOString();
    const stepCreated = await deps.steps.create({
      tenantId: person.tenantId,
      userId: person.id,
      programId: program.id,
      stepId: step.id,
      programVersion: enrollment.programVersion,
      dueAt,
      status: 'scheduled',
      remindersSent: 0,
      attempts: 0,
    });
    if (stepCreated === 'created' || created === 'created') {
      await deps.dueWork.add({
        tenantId: person.tenantId,
        at: dueAt,
        userId: person.id,
        programId: program.id,
        stepId: step.id,
        kind: 'step',
        n: 0,
      });
    }
  }
  return created === 'created' ? { kind: 'enrolled', enrollment } : { kind: 'alreadyEnrolled', enrollment };
}
