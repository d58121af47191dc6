/** The Action.Execute verbs Drypp's cards carry. The bot's verb table (bot/cardActions.ts) handles each. */
export const cardVerbs = {
  showMyLearning: 'showMyLearning',
  showHelp: 'showHelp',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
