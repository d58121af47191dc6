/** The Action.Execute verbs Drypp's cards carry. The bot's verb table (bot/cardActions.ts) handles each. */
export const cardVerbs = {
  showMyLearning: 'showMyLearning',
  showHelp: 'showHelp',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];

/**
 * The verbs of step cards (src/cards/steps). Each has a data schema in steps/stepActionSchemas.ts.
 * Kept apart from `cardVerbs` until the verb table has a handler for each: spread them into
 * `cardVerbs` then, and the table's type makes sure none is forgotten.
 */
export const stepCardVerbs = {
  completeStep: 'completeStep',
  answerQuiz: 'answerQuiz',
  retryQuiz: 'retryQuiz',
  answerReview: 'answerReview',
  submitReflection: 'submitReflection',
  acknowledge: 'acknowledge',
  confirmAttendance: 'confirmAttendance',
} as const;

export type StepCardVerb = (typeof stepCardVerbs)[keyof typeof stepCardVerbs];
