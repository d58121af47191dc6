import { z } from 'zod';
import { stepCardVerbs, type StepCardVerb } from '../../platform/cardVerbs.ts';

/**
 * The data of each step card action, as the bot receives it in an adaptiveCard/action invoke.
 * Action.Execute merges the card's input values into `data` (always as strings), so the objects
 * are loose: a quiz's `q_<questionId>` inputs arrive next to the fields below.
 */

/** Input ids the step cards use; the schemas below and readQuizAnswers read the same names. */
export const stepInputIds = {
  reflection: 'reflection',
  shareWithManager: 'shareWithManager',
} as const;

export function quizInputId(questionId: string): string {
  return `q_${questionId}`;
}

export const StepActionDataSchema = z
  .object({
    programId: z.string().min(1),
    programVersion: z.int().min(1),
    stepId: z.string().min(1),
    learnerId: z.string().min(1),
  })
  .loose();

const Attempt = z.int().min(1);

export const CompleteStepDataSchema = StepActionDataSchema;

/** `attempt` is the attempt being answered; the answers are in `q_<questionId>` inputs. */
export const AnswerQuizDataSchema = StepActionDataSchema.extend({ attempt: Attempt });

/** `attempt` is the attempt the retry starts, so a second click on the same button is recognised. */
export const RetryQuizDataSchema = StepActionDataSchema.extend({ attempt: Attempt });

export const AnswerReviewDataSchema = StepActionDataSchema.extend({
  questionId: z.string().min(1),
  reviewNumber: z.int().min(1),
});

/** An empty text box may arrive as "" or not at all; its length is checked by the use case, which answers inline. */
export const SubmitReflectionDataSchema = StepActionDataSchema.extend({
  [stepInputIds.reflection]: z.string().default(''),
  [stepInputIds.shareWithManager]: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const AcknowledgeDataSchema = StepActionDataSchema.extend({ textVersion: z.string().min(1) });

export const ConfirmAttendanceDataSchema = StepActionDataSchema;

export const stepActionSchemas = {
  [stepCardVerbs.completeStep]: CompleteStepDataSchema,
  [stepCardVerbs.answerQuiz]: AnswerQuizDataSchema,
  [stepCardVerbs.retryQuiz]: RetryQuizDataSchema,
  [stepCardVerbs.answerReview]: AnswerReviewDataSchema,
  [stepCardVerbs.submitReflection]: SubmitReflectionDataSchema,
  [stepCardVerbs.acknowledge]: AcknowledgeDataSchema,
  [stepCardVerbs.confirmAttendance]: ConfirmAttendanceDataSchema,
} as const satisfies Record<StepCardVerb, z.ZodType>;

export type StepActionDataOf<V extends StepCardVerb> = z.infer<(typeof stepActionSchemas)[V]>;

/**
 * The options chosen per question, as indexes, from the `q_<questionId>` inputs ("0" or "0,2").
 * A question with nothing chosen, or only values that are not option indexes, gets an empty list.
 */
export function readQuizAnswers(
  data: Record<string, unknown>,
  questions: ReadonlyArray<{ id: string; options: readonly unknown[] }>,
): Record<string, number[]> {
  const answers: Record<string, number[]> = {};
  for (const question of questions) {
    const raw = data[quizInputId(question.id)];
    const chosen = typeof raw === 'string' ? raw.split(',').map((v) => v.trim()) : [];
    answers[question.id] = [
      ...new Set(
        chosen
          .filter((v) => /^\d+$/.test(v))
          .map(Number)
          .filter((i) => i < question.options.length),
      ),
    ].sort((a, b) => a - b);
  }
  return answers;
}
