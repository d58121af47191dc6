/** Text for placement quizzes: testing out of a part of a program one knows already (English). */
export const placementEn = {
  kicker: 'Test out',
  title: (part: string) => `Already know ${part}?`,
  intro: (part: string, steps: number) =>
    `Take a short test and skip this part. Pass it and ${part} is recognised by test: its ${steps === 1 ? 'card is' : `${steps} cards are`} not sent.`,
  passMark: (percent: number) => `You need ${percent}% right to skip the part.`,
  submit: 'Take the test',
  decline: 'No thanks, take the part',
  passed: (right: number, total: number) => `Passed: ${right} of ${total} right`,
  passedBody: (part: string) => `${part} is recognised by test. Its cards will not be sent.`,
  failed: (right: number, total: number) => `Not this time: ${right} of ${total} right`,
  failedBody: (part: string) => `The cards of ${part} come as usual, so you can go through it.`,
  declined: (part: string) => `The cards of ${part} come as usual.`,
  chooseAnswer: 'Choose an answer for every question, or take the part instead.',
  recognisedByTest: 'Recognised by test',
};
