import { textFor, type EventSession, type EventStep } from '../../domain/learning/program.ts';
import type { SessionBooking, SessionOffer } from '../../domain/sessions/sessionBooking.ts';
import type { Messages } from '../../messages/catalog.ts';
import { executeButton, paragraph, type AdaptiveCard, type CardElement } from '../platform/adaptiveCard.ts';
import { sessionCardVerbs } from '../platform/cardVerbs.ts';
import { formatLocalDateTime } from '../learning/steps/eventCard.ts';
import {
  doneLine,
  inlineError,
  openUrl,
  stepActionData,
  stepCard,
  type StepCardContext,
} from '../learning/steps/stepCardContext.ts';
import { sessionInputIds } from './sessionActionSchemas.ts';

/** Where a session is, in the reader's words: the place, or "Teams meeting". */
export function sessionPlace(t: Messages, language: string, session: EventSession): string {
  return session.where ? textFor(session.where, language) : t.sessions.online;
}

/**
 * The sessions open now (read from storage when the learner asked), to choose one: full and begun
 * sessions are not offered. With a booking, the same list changes it, and the place can be given up.
 */
export function sessionChoiceCard(
  ctx: StepCardContext,
  step: EventStep,
  view: { offers: readonly SessionOffer[]; booking?: SessionBooking; note?: string; error?: string },
): AdaptiveCard {
  const { t, language } = ctx;
  const s = t.sessions;
  const booked = view.booking?.status === 'booked' ? view.booking : undefined;
  const offers = view.offers.filter((o) => o.session.id !== booked?.sessionId);
  const choices: CardElement[] =
    offers.length > 0
      ? [
          {
            type: 'Input.ChoiceSet',
            id: sessionInputIds.sessionId,
            label: s.chooseLabel,
            style: 'expanded',
            choices: offers.map((o) => ({
              title: s.option(
                formatLocalDateTime(t, o.session.start),
                sessionPlace(t, language, o.session),
                o.placesLeft,
              ),
              value: o.session.id,
            })),
          },
        ]
      : booked
        ? []
        : [paragraph(s.noneOpen, { isSubtle: true })];
  const bookedSession = booked && step.sessions?.find((x) => x.id === booked.sessionId);
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      paragraph(textFor(step.description, language)),
      ...(bookedSession ? sessionFacts(ctx, bookedSession) : []),
      ...(view.note ? [doneLine(view.note)] : []),
      ...choices,
      ...inlineError(view.error),
    ],
    [
      ...(offers.length > 0
        ? [
            executeButton(booked ? s.change : s.book, sessionCardVerbs.pickSession, {
              ...stepActionData(ctx),
            }),
          ]
        : []),
      ...(booked
        ? [executeButton(s.cancel, sessionCardVerbs.cancelSession, { ...stepActionData(ctx) })]
        : []),
      ...(bookedSession?.meetingUrl ? [openUrl(s.join, bookedSession.meetingUrl)] : []),
    ],
  );
}

/** After a pick: the session booked, with the way to change or cancel it. */
export function sessionBookedCard(
  ctx: StepCardContext,
  step: EventStep,
  booking: SessionBooking,
  changed: boolean,
): AdaptiveCard {
  const s = ctx.t.sessions;
  const session = step.sessions?.find((x) => x.id === booking.sessionId);
  return stepCard(
    ctx,
    textFor(step.title, ctx.language),
    [
      paragraph(textFor(step.description, ctx.language)),
      ...(session ? sessionFacts(ctx, session) : []),
      doneLine(changed ? s.changed : s.booked),
      paragraph(ctx.t.step.event.facilitatorConfirms, { isSubtle: true }),
    ],
    [
      executeButton(s.change, sessionCardVerbs.showSessions, { ...stepActionData(ctx) }),
      executeButton(s.cancel, sessionCardVerbs.cancelSession, { ...stepActionData(ctx) }),
      ...(session?.meetingUrl ? [openUrl(s.join, session.meetingUrl)] : []),
    ],
  );
}

function sessionFacts(ctx: StepCardContext, session: EventSession): CardElement[] {
  const s = ctx.t.sessions;
  return [
    {
      type: 'FactSet',
      facts: [
        { title: s.when, value: formatLocalDateTime(ctx.t, session.start) },
        { title: s.where, value: sessionPlace(ctx.t, ctx.language, session) },
      ],
    },
  ];
}
