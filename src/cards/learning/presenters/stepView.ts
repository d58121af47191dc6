import type { Language } from '../../../domain/platform/language.ts';
import {
  isAskedOfManager,
  isMandatoryStep,
  textFor,
  type Program,
  type Step,
} from '../../../domain/learning/program.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import { dayMonthFormat } from '../../platform/dateFormats.ts';
import type { StepCardContext } from '../steps/stepCardContext.ts';

/** The view model every step card needs, for one learner, in their language and time zone. */
export function stepCardContext(
  program: Program,
  step: Step,
  learner: { userId: string; language: Language; timeZone?: string },
  dueAt: string | undefined,
  reminder?: number,
): StepCardContext {
  const dueLabel = dueAt
    ? dayMonthFormat(learner.language, learner.timeZone).format(new Date(dueAt))
    : undefined;
  const learnerSteps = program.steps.filter((s) => !isAskedOfManager(s));
  return {
    t: messagesFor(learner.language),
    language: learner.language,
    programId: program.id,
    programVersion: program.version,
    programTitle: textFor(program.title, learner.language),
    stepId: step.id,
    // "Step 3 of 10" counts the learner's own cards: a check-in goes to their manager, not to them.
    stepNumber: learnerSteps.indexOf(step) + 1,
    totalSteps: learnerSteps.length,
    learnerId: learner.userId,
    mandatory: isMandatoryStep(program, step),
    minutes: step.minutes,
    dueLabel,
    reminder,
  };
}
