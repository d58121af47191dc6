import type { Language } from '../../../domain/platform/language.ts';
import { isMandatoryStep, textFor, type Program, type Step } from '../../../domain/learning/program.ts';
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
  return {
    t: messagesFor(learner.language),
    language: learner.language,
    programId: program.id,
    programVersion: program.version,
    programTitle: textFor(program.title, learner.language),
    stepId: step.id,
    stepNumber: program.steps.indexOf(step) + 1,
    totalSteps: program.steps.length,
    learnerId: learner.userId,
    mandatory: isMandatoryStep(program, step),
    minutes: step.minutes,
    dueLabel,
    reminder,
  };
}
