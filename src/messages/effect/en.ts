/** Text for measuring effect: the self-assessment card and the pulse after each item (English). */
export const effectEn = {
  selfAssessment: {
    before:
      'Before you start: how well does each statement fit you today? Your answers help improve the program.',
    after:
      'Now that you are done: how well does each statement fit you today? Compare with where you started.',
    /** The scale's labels, 1 to 5. */
    scale: ['1 · Not at all', '2 · A little', '3 · Somewhat', '4 · Mostly', '5 · Fully'],
    submit: 'Save my answers',
    missing: (count: number) =>
      count === 1 ? 'Rate the statement marked above.' : `Rate all ${count} statements marked above.`,
    unrated: 'Choose a number from 1 to 5',
    saved: 'Saved. Thank you!',
    yourRating: (rating: number) => `Your answer: ${rating} of 5`,
    privacy: 'Only you and HR see your own answers; others see only figures about five people or more.',
    privacyShared:
      'You, your manager and HR see your own answers; others see only figures about five people or more.',
  },
  pulse: {
    question: 'Was this useful?',
    useful: 'Useful',
    notUseful: 'Not useful',
    commentLabel: 'Anything to add? (optional)',
    commentPlaceholder: 'What would make it better?',
    thanks: 'Thank you for your feedback. It helps make this item better.',
    tooLong: (max: number) => `Your comment is too long: at most ${max} characters. Nothing was saved.`,
  },
};
