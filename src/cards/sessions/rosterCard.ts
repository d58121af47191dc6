import { textFor, type EventSession, type EventStep } from '../../domain/learning/program.ts';
import type { BookingStatus } from '../../domain/sessions/sessionBooking.ts';
import type { Messages } from '../../messages/catalog.ts';
import {
  card,
  executeButton,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../platform/adaptiveCard.ts';
import { sessionCardVerbs } from '../platform/cardVerbs.ts';
import { formatLocalDateTime } from '../learning/steps/eventCard.ts';
import { sessionPlace } from './sessionCards.ts';

export interface RosterView {
  programId: string;
  step: EventStep;
  session: EventSession;
  started: boolean;
  people: Array<{ learnerId: string; name: string; status: BookingStatus; canMark: boolean }>;
}

/**
 * The instructor's sessions with who booked each; once a session has begun, a button per person and
 * answer. The buttons carry only whose attendance they mark: who may mark it is decided on the server.
 */
export function rosterCard(
  t: Messages,
  language: string,
  rosters: readonly RosterView[],
  options: { note?: string; error?: string } = {},
): AdaptiveCard {
  const r = t.sessions.roster;
  const body: CardElement[] = [heading(r.title)];
  if (options.note) body.push(paragraph(options.note, { color: 'Good', weight: 'Bolder' }));
  if (options.error) body.push(paragraph(options.error, { color: 'Attention', size: 'Small' }));
  if (rosters.length === 0) body.push(paragraph(r.none, { isSubtle: true }));
  for (const roster of rosters) {
    body.push(
      paragraph(
        `**${textFor(roster.step.title, language)}** · ${formatLocalDateTime(t, roster.session.start)} · ${sessionPlace(t, language, roster.session)}`,
        { separator: true },
      ),
    );
    if (roster.people.length === 0) body.push(paragraph(r.nobody, { isSubtle: true }));
    if (!roster.started && roster.people.length > 0) body.push(paragraph(r.notStarted, { isSubtle: true }));
    for (const person of roster.people) {
      body.push(paragraph(`${person.name}: ${r.status[person.status]}`));
      if (person.canMark && person.status !== 'attended') {
        const data = {
          programId: roster.programId,
          stepId: roster.step.id,
          sessionId: roster.session.id,
          learnerId: person.learnerId,
        };
        body.push({
          type: 'ActionSet',
          actions: [
            executeButton(r.markAttended(person.name), sessionCardVerbs.markAttendance, {
              ...data,
              attended: 'yes',
            }),
            ...(person.status === 'absent'
              ? []
              : [
                  executeButton(r.markAbsent(person.name), sessionCardVerbs.markAttendance, {
                    ...data,
                    attended: 'no',
                  }),
                ]),
          ],
        });
      }
    }
  }
  return card(body);
}
