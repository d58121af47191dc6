/**
 * The verbs of step cards (src/cards/steps). Each has a data schema in steps/stepActionSchemas.ts.
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

/** Every Action.Execute verb Drypp's cards carry. The bot's verb table (bot/cardActions.ts) handles each. */
export const cardVerbs = {
  showMyLearning: 'showMyLearning',
  showHelp: 'showHelp',
  ...stepCardVerbs,
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
