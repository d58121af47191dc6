import { allowedActions, type PersonAction } from '../../domain/access/index.ts';
import type { CheckinAnswer } from '../../domain/managers/checkin.ts';
import { minutesByMonth, type DoneStep, type MonthMinutes } from '../../domain/managers/learningMinutes.ts';
import type { ManagersDeps } from './managersDeps.ts';
import { actorFor, personResource, reportingLine, type Caller } from './reportingLine.ts';

export interface PersonLearningTime {
  /** Per month, newest first: minutes approved for learning and minutes spent (estimated). */
  months: MonthMinutes[];
  /** The manager's answers to check-ins about this person, newest first. */
  checkins: CheckinAnswer[];
  /** What the caller may do for this person (viewPerson, nudge, recognize, answerCheckin). */
  actions: PersonAction[];
}

/**
 * The managers part of My team's drill-down to one person: approved and spent minutes per month,
 * and check-in answers. For the person's managers (any level) only; anyone else gets nothing back,
 * not even whether the person exists.
 */
export async function personLearningTime(
  deps: Pick<ManagersDeps, 'people' | 'learningTime' | 'enrollments' | 'steps' | 'catalog' | 'checkins'>,
  caller: Caller,
  personId: string,
  defaultTimeZone: string,
): Promise<{ kind: 'shown'; view: PersonLearningTime } | { kind: 'notAllowed' }> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, personId));
  const actions = allowedActions(actor, personResource(caller.tenantId, personId));
  // Managers (any level) only: the person's own view is My learning, not this drill-down.
  if (!actor.roles.includes('manager') || !actions.includes('viewPerson')) return { kind: 'notAllowed' };
  const person = await deps.people.get(caller.tenantId, personId);
  const [requests, doneSteps, checkins] = await Promise.all([
    deps.learningTime.listForLearner(caller.tenantId, personId),
    doneStepMinutes(deps, caller.tenantId, personId),
    deps.checkins.listForLearner(caller.tenantId, personId),
  ]);
  return {
    kind: 'shown',
    view: {
      months: minutesByMonth(requests, doneSteps, person?.timeZone ?? defaultTimeZone),
      checkins: checkins.sort((a, b) => b.answeredAt.localeCompare(a.answeredAt)),
      actions,
    },
  };
}

/** Steps the person has done, with the estimated minutes of each from the program's content. */
async function doneStepMinutes(
  deps: Pick<ManagersDeps, 'enrollments' | 'steps' | 'catalog'>,
  tenantId: string,
  personId: string,
): Promise<DoneStep[]> {
  const enrollments = await deps.enrollments.listForPerson(tenantId, personId);
  const perProgram = await Promise.all(
    enrollments.map(async (e) => {
      const program = deps.catalog.find(e.programId);
      const states = await deps.steps.listForEnrollment(tenantId, personId, e.programId);
      return states.flatMap((s) => {
        const step = program?.steps.find((p) => p.id === s.stepId);
        // Check-ins are the manager's work, not the learner's time.
        if (s.status !== 'done' || !s.doneAt || !step || step.kind === 'checkin') return [];
        return [{ doneAt: s.doneAt, minutes: step.minutes }];
      });
    }),
  );
  return perProgram.flat();
}
