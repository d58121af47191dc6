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
  answerSelfAssessment: 'answerSelfAssessment',
  answerPulse: 'answerPulse',
} as const;

export type StepCardVerb = (typeof stepCardVerbs)[keyof typeof stepCardVerbs];

/** The verbs of the managers capability's cards (src/cards/managers); schemas in managerActionSchemas.ts. */
export const managerCardVerbs = {
  requestLearningTime: 'learningTime.request',
  decideLearningTime: 'learningTime.decide',
  showLearningTime: 'learningTime.show',
  answerCheckin: 'checkin.answer',
} as const;

export type ManagerCardVerb = (typeof managerCardVerbs)[keyof typeof managerCardVerbs];

/** The verbs of guideline cards (src/cards/broadcasts); schemas in broadcastActionSchemas.ts. */
export const broadcastCardVerbs = {
  acknowledgeGuideline: 'guideline.acknowledge',
} as const;

export type BroadcastCardVerb = (typeof broadcastCardVerbs)[keyof typeof broadcastCardVerbs];

/** The verbs of live sessions and practical exercises (src/cards/sessions); schemas in sessionActionSchemas.ts. */
export const sessionCardVerbs = {
  showSessions: 'session.show',
  pickSession: 'session.pick',
  cancelSession: 'session.cancel',
  markAttendance: 'session.markAttendance',
  signOffExercise: 'exercise.signOff',
} as const;

export type SessionCardVerb = (typeof sessionCardVerbs)[keyof typeof sessionCardVerbs];

/** The verbs of placement quiz cards (src/cards/learning/placement); schemas in placementActionSchemas.ts. */
export const placementCardVerbs = {
  answerPlacement: 'placement.answer',
  declinePlacement: 'placement.decline',
} as const;

export type PlacementCardVerb = (typeof placementCardVerbs)[keyof typeof placementCardVerbs];

/** Every Action.Execute verb Drypp's cards carry. The bot's verb table (bot/cardActions.ts) handles each. */
export const cardVerbs = {
  showMyLearning: 'showMyLearning',
  showHelp: 'showHelp',
  ...stepCardVerbs,
  ...managerCardVerbs,
  ...broadcastCardVerbs,
  ...sessionCardVerbs,
  ...placementCardVerbs,
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
