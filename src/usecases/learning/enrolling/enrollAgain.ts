import { effectiveTimeZone } from '../../../domain/delivery/deliveryPolicy.ts';
import type { Person } from '../../../domain/directory/person.ts';
import { progressOf } from '../../../domain/learning/enrollmentState.ts';
import { stepDueDates } from '../../../domain/learning/schedule.ts';
import type { StepState } from '../../../domain/learning/stepState.ts';
import { orConflict, retryOnConflict } from '../../platform/retryOnConflict.ts';
import { enrollPerson, type EnrollOutcome } from './enrollPerson.ts';
import type { LearningDeps } from '../learningDeps.ts';

export type EnrollAgainOutcome =
  | EnrollOutcome
  /** A new round began: the steps are scheduled from today, with cards of their own. */
  | { kind: 'startedAgain'; round: number }
  /** This round (its key) was started before: nothing changes. */
  | { kind: 'alreadyStarted'; round: number }
  /** The person is in the middle of it: their progress is kept. */
  | { kind: 'stillActive' };

/**
 * Enrolls a person in a program they may have done before (a certification's refresher each cycle,
 * the full course again after an expiry). A first enrollment is `enrollPerson`; one that ended
 * (completed, expired, withdrawn) starts a new round: every step scheduled again from today, the
 * answers of the last round replaced, and cards keyed by the round so none is taken for the one
 * sent before. `roundKey` names what asked for the round: asking twice (a retry, a second worker)
 * starts it once. Each write is guarded by the ETag of what was read; the enrollment is reopened
 * last, so a crash half-way leaves it ended and the next call finishes the round.
 */
export async function enrollAgain(
  deps: Pick<LearningDeps, 'clock' | 'catalog' | 'enrollments' | 'steps' | 'dueWork' | 'policy'>,
  request: { person: Person; programId: string; roundKey: string },
): Promise<EnrollAgainOutcome> {
  const { person, programId, roundKey } = request;
  const program = deps.catalog.find(programId);
  if (!program) return { kind: 'unknownProgram' };
  const existing = await deps.enrollments.get(person.tenantId, person.id, programId);
  if (!existing) return enrollPerson(deps, { person, programId });
  if (existing.roundKey === roundKey) return { kind: 'alreadyStarted', round: existing.round ?? 0 };
  if (existing.status === 'active') return { kind: 'stillActive' };

  const now = deps.clock.now();
  const round = (existing.round ?? 0) + 1;
  const timeZone = effectiveTimeZone(person.timeZone, deps.policy.timeZone);
  const dueDates = stepDueDates(program, { start: now }, timeZone);
  for (const step of program.steps) {
    const dueAt = (dueDates.get(step.id) ?? now).toISOString();
    const fresh: StepState = {
      tenantId: person.tenantId,
      userId: person.id,
      programId,
      stepId: step.id,
      programVersion: program.version,
      dueAt,
      status: 'scheduled',
      remindersSent: 0,
      attempts: 0,
    };
    await retryOnConflict('schedule a step again', async () => {
      const state = await deps.steps.get(person.tenantId, person.id, programId, step.id);
      if (!state)
        return (await deps.steps.create(fresh)) === 'created' ? 'done' : orConflict('conflict', 'done');
      return orConflict(await deps.steps.update({ ...fresh, etag: state.etag }), 'done');
    });
    await deps.dueWork.add({
      tenantId: person.tenantId,
      at: dueAt,
      userId: person.id,
      programId,
      stepId: step.id,
      kind: 'step',
      n: 0,
      round,
    });
  }
  const firstDue = [...dueDates.values()].sort((a, b) => a.getTime() - b.getTime())[0];
  const reopened = await deps.enrollments.update({
    ...existing,
    programVersion: program.version,
    status: 'active',
    startAt: now.toISOString(),
    timeZone,
    completedSteps: 0,
    totalSteps: progressOf(program, new Set()).total,
    nextDueAt: firstDue?.toISOString(),
    completedAt: undefined,
    round,
    roundKey,
  });
  // Someone else reopened it meanwhile (the same round from a second worker): theirs stands.
  if (reopened === 'conflict') return enrollAgain(deps, request);
  return { kind: 'startedAgain', round };
}
