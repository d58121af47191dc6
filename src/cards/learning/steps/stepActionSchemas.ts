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
  pulseComment: 'pulseComment',
} as const;

/** A self-assessment's rating input for one statement: `sa_<statementId>`. */
export function selfAssessmentInputId(statementId: string): string {
  return `sa_${statementId}`;
}

const SELF_ASSESSMENT_INPUT = /^sa_([a-z0-9]+(-[a-z0-9]+)*)$/;

export function quizInputId(questionId: string): string {
  return `q_${questionId}`;
}

/**
 * Limits on everything a card action carries. The ids are those Drypp writes into its cards: program,
 * step and question ids are content slugs, the learner is an Entra object id. Every other value is an
 * input value of the card (a string); a crafted action with anything larger or of another type is
 * refused whole, before any use case runs.
 */
export const cardDataLimits = {
  maxKeys: 64,
  idLength: 64,
  inputLength: 256,
  /** The reflection box allows at most 2000 characters (ReflectionStepSchema); above this it is not a card's. */
  reflectionLength: 10_000,
  maxChoicesPerQuestion: 20,
  maxVersion: 1_000_000,
  maxAttempts: 100,
} as const;

export const Slug = z
  .string()
  .max(cardDataLimits.idLength)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const ObjectId = z
  .string()
  .max(cardDataLimits.idLength)
  .regex(/^[A-Za-z0-9-]+$/);
export const Count = (max: number) => z.int().min(1).max(max);
/** An input value Action.Execute merged into the data. */
const InputValue = z.string().max(cardDataLimits.inputLength);
/** A choice set's value: option indexes, comma-separated ("0" or "0,2"); empty when nothing was chosen. */
const ChoiceValue = z
  .string()
  .max(cardDataLimits.inputLength)
  .regex(/^\s*(\d{1,3}(\s*,\s*\d{1,3})*)?\s*$/);

const QUIZ_INPUT = /^q_([a-z0-9]+(-[a-z0-9]+)*)$/;

export const StepActionDataSchema = z
  .object({
    programId: Slug,
    programVersion: Count(cardDataLimits.maxVersion),
    stepId: Slug,
    learnerId: ObjectId,
    // Teams may add its own object next to the card's data (as it does for Action.Submit).
    msteams: z.looseObject({}).optional(),
  })
  .catchall(InputValue);

const Attempt = Count(cardDataLimits.maxAttempts);

/**
 * The `q_<questionId>` inputs of a quiz card, parsed: option indexes per question id, deduplicated
 * and sorted, at most maxChoicesPerQuestion each. A value that is not a list of indexes is refused.
 */
export function withChoices<T extends Record<string, unknown>>(data: T, ctx: z.RefinementCtx) {
  const choices: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(data)) {
    const m = QUIZ_INPUT.exec(key);
    if (!m) continue;
    const parsed = ChoiceValue.safeParse(value);
    const indexes = parsed.success
      ? [
          ...new Set(
            parsed.data
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean)
              .map(Number),
          ),
        ]
      : [];
    if (!parsed.success || indexes.length > cardDataLimits.maxChoicesPerQuestion) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'not a list of option indexes' });
      continue;
    }
    choices[m[1]!] = indexes.sort((a, b) => a - b);
  }
  return { ...data, choices };
}

export const CompleteStepDataSchema = StepActionDataSchema;

/** `attempt` is the attempt being answered; the answers are in `q_<questionId>` inputs (→ `choices`). */
export const AnswerQuizDataSchema = StepActionDataSchema.extend({ attempt: Attempt }).transform(withChoices);

/** `attempt` is the attempt the retry starts, so a second click on the same button is recognised. */
export const RetryQuizDataSchema = StepActionDataSchema.extend({ attempt: Attempt });

export const AnswerReviewDataSchema = StepActionDataSchema.extend({
  questionId: Slug,
  reviewNumber: Count(cardDataLimits.maxAttempts),
}).transform(withChoices);

/** An empty text box may arrive as "" or not at all; its length is checked by the use case, which answers inline. */
export const SubmitReflectionDataSchema = StepActionDataSchema.extend({
  [stepInputIds.reflection]: z.string().max(cardDataLimits.reflectionLength).default(''),
  [stepInputIds.shareWithManager]: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** The version of the guideline the card showed; the use case compares it with the server's. */
export const AcknowledgeDataSchema = StepActionDataSchema.extend({
  textVersion: z.string().min(1).max(cardDataLimits.idLength),
});

export const ConfirmAttendanceDataSchema = StepActionDataSchema;

/**
 * The `sa_<statementId>` inputs, as given (strings): the use case checks each against the step's
 * statements and the 1–5 scale, so a bad value comes back on the card instead of being refused whole.
 */
export const AnswerSelfAssessmentDataSchema = StepActionDataSchema.transform((data) => {
  const ratings: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    const m = SELF_ASSESSMENT_INPUT.exec(key);
    if (m && typeof value === 'string') ratings[m[1]!] = value;
  }
  return { ...data, ratings };
});

/** Which button ("useful" or not), and the comment box (checked for length by the use case). */
export const AnswerPulseDataSchema = StepActionDataSchema.extend({
  useful: z.enum(['true', 'false']).transform((v) => v === 'true'),
  [stepInputIds.pulseComment]: z
    .string()
    .max(cardDataLimits.inputLength * 4)
    .default(''),
});

export const stepActionSchemas = {
  [stepCardVerbs.completeStep]: CompleteStepDataSchema,
  [stepCardVerbs.answerQuiz]: AnswerQuizDataSchema,
  [stepCardVerbs.retryQuiz]: RetryQuizDataSchema,
  [stepCardVerbs.answerReview]: AnswerReviewDataSchema,
  [stepCardVerbs.submitReflection]: SubmitReflectionDataSchema,
  [stepCardVerbs.acknowledge]: AcknowledgeDataSchema,
  [stepCardVerbs.confirmAttendance]: ConfirmAttendanceDataSchema,
  [stepCardVerbs.answerSelfAssessment]: AnswerSelfAssessmentDataSchema,
  [stepCardVerbs.answerPulse]: AnswerPulseDataSchema,
} as const satisfies Record<StepCardVerb, z.ZodType>;

export type StepActionDataOf<V extends StepCardVerb> = z.infer<(typeof stepActionSchemas)[V]>;

/**
 * The options chosen per question of this quiz, from the parsed `choices`: only its questions, only
 * indexes of options it has. A question with nothing chosen gets an empty list.
 */
export function readQuizAnswers(
  choices: Readonly<Record<string, readonly number[]>>,
  questions: ReadonlyArray<{ id: string; options: readonly unknown[] }>,
): Record<string, number[]> {
  const answers: Record<string, number[]> = {};
  for (const question of questions) {
    const chosen = Object.hasOwn(choices, question.id) ? (choices[question.id] ?? []) : [];
    answers[question.id] = chosen.filter((i) => i < question.options.length);
  }
  return answers;
}
