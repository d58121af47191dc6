import { effectiveTimeZone } from '../../../domain/delivery/deliveryPolicy.ts';
import { progressOf } from '../../../domain/learning/enrollmentState.ts';
import { stepDueDates } from '../../../domain/learning/schedule.ts';
import type { Enrollment } from '../../../domain/learning/enrollment.ts';
import type { Person } from '../../../domain/directory/person.ts';
import type { Program } from '../../../domain/learning/program.ts';
import type { StepState } from '../../../domain/learning/stepState.ts';
import type { LearningDeps } from '../learningDeps.ts';

export type EnrollOutcome =
  | { kind: 'enrolled'; enrollment: Enrollment }
  | { kind: 'alreadyEnrolled'; enrollment: Enrollment }
  | { kind: 'unknownProgram' };

/**
 * Enrolls a person in a program: the enrollment, one progress row per step and the schedule of
 * cards. Safe to run twice: every row has a deterministic key, so a second run (or a retry after a
 * crash half-way) adds what is missing and changes nothing that exists. In particular a run cut
 * short between creating a step and recording its card's due work is completed by the next run:
 * every step still waiting for its card gets its due work again (the same row when it is there).
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
  const freshDueDates = stepDueDates(program, { start, hireDate }, timeZone);
  const firstDue = [...freshDueDates.values()].sort((a, b) => a.getTime() - b.getTime())[0];

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
  const created = (await deps.enrollments.create(fresh)) === 'created';
  const enrollment = created
    ? fresh
    : ((await deps.enrollments.get(person.tenantId, person.id, program.id)) ?? fresh);
  if (enrollment.status !== 'active') return { kind: 'alreadyEnrolled', enrollment };

  // A re-run schedules from the enrollment's own anchor and zone, so it matches the first run exactly.
  const dueDates = created ? freshDueDates : dueDatesOf(program, enrollment, timeZone);
  const stored = created
    ? new Map<string, StepState>()
    : new Map(
        (await deps.steps.listForEnrollment(person.tenantId, person.id, program.id)).map((s) => [
          s.stepId,
          s,
        ]),
      );
  const missing: StepState[] = [];
  const toSchedule: Array<{ stepId: string; dueAt: string }> = [];
  for (const step of program.steps) {
    const existing = stored.get(step.id);
    const dueAt = existing?.dueAt ?? (dueDates.get(step.id) ?? start).toISOString();
    if (!existing) {
      missing.push({
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
    }
    if (!existing || existing.status === 'scheduled') toSchedule.push({ stepId: step.id, dueAt });
  }
  // Every step row before any due work, so the scheduler never meets work for a step that is not
  // there yet; a crash in between leaves scheduled steps, whose work a re-run records.
  await deps.steps.createAll(missing);
  await deps.dueWork.addAll(
    toSchedule.map(({ stepId, dueAt }) => ({
      tenantId: person.tenantId,
      at: dueAt,
      userId: person.id,
      programId: program.id,
      stepId,
      kind: 'step' as const,
      n: 0,
    })),
  );
  return created ? { kind: 'enrolled', enrollment } : { kind: 'alreadyEnrolled', enrollment };
}

function dueDatesOf(program: Program, enrollment: Enrollment, fallbackZone: string): Map<string, Date> {
  const start = new Date(enrollment.startAt ?? enrollment.enrolledAt);
  const hireDate = enrollment.hireDate ? new Date(enrollment.hireDate) : undefined;
  return stepDueDates(program, { start, hireDate }, enrollment.timeZone ?? fallbackZone);
}
