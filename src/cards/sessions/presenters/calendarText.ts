import { textFor } from '../../../domain/learning/program.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { SessionCalendarText } from '../../../usecases/sessions/syncSessionCalendars.ts';
import { sessionPlace } from '../sessionCards.ts';

/** A session's calendar invitation, in the learner's language. */
export const sessionCalendarText: SessionCalendarText = ({ step, session, language, instructorName }) => {
  const t = messagesFor(language);
  return {
    subject: textFor(step.title, language),
    body: t.sessions.calendarBody(textFor(step.description, language), instructorName, session.meetingUrl),
    location: sessionPlace(t, language, session),
  };
};
