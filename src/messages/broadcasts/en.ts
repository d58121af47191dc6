/** Text for the broadcasts capability: guideline cards and the answers to them (English). */
export const broadcastsEn = {
  confirm: 'I have read and understood',
  openLink: 'Open the guideline',
  acknowledgedOn: (when: string) => `✓ Acknowledged on ${when}`,
  dueBy: (day: string) => `Please acknowledge by ${day}.`,
  updated: (version: number, note: string) => `Updated (version ${version}): ${note}`,
  askAgain: 'Please read it again and acknowledge the new version.',
  reminder: 'Reminder: you have not acknowledged this guideline yet.',
  nudgedBy: (name: string) => `${name} asks you to read and acknowledge this guideline.`,
  nudgedByUnknown: 'Your manager asks you to read and acknowledge this guideline.',
  outdated:
    'This guideline was updated after this card was sent. Here is the new version: nothing was recorded yet.',
  recalledTitle: 'Guideline withdrawn',
  recalled: 'HR has withdrawn this guideline, so there is nothing to acknowledge.',
  notYours: 'This guideline was not sent to you, so nothing was recorded.',
  alreadyAcknowledged: 'You had already acknowledged this version.',
  noAcknowledgement: 'This guideline does not ask for an acknowledgement.',
  dateLocale: 'en-GB',
};
