/** The outbound kinds of the cards a manager sends from My team: a nudge and a thank-you. */
export const NUDGE_KIND = 'nudge';
export const RECOGNITION_KIND = 'recognition';
