import { textFor, type EventStep } from '../../../domain/learning/program.ts';
import type { Messages } from '../../../messages/catalog.ts';
import {
  executeButton,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../../platform/adaptiveCard.ts';
import { sessionCardVerbs, stepCardVerbs } from '../../platform/cardVerbs.ts';
import { doneLine, openUrl, stepActionData, stepCard, type StepCardContext } from './stepCardContext.ts';
import { dateFormat } from '../../platform/dateFormats.ts';

/** A live session or practical exercise: when, where or a meeting link, and who confirms attendance. */
export function eventCard(ctx: StepCardContext, step: EventStep): AdaptiveCard {
  const { t } = ctx;
  if (step.sessions) {
    // The sessions open are read when the learner asks, so a full one is never offered.
    return stepCard(
      ctx,
      textFor(step.title, ctx.language),
      [paragraph(textFor(step.description, ctx.language)), paragraph(t.sessions.intro, { isSubtle: true })],
      [executeButton(t.sessions.choose, sessionCardVerbs.showSessions, { ...stepActionData(ctx) })],
    );
  }
  const selfConfirms = step.confirmedBy === 'self';
  const actions: CardAction[] = [
    ...(step.meetingUrl ? [openUrl(t.step.event.join, step.meetingUrl)] : []),
    ...(selfConfirms
      ? [executeButton(t.step.event.attended, stepCardVerbs.confirmAttendance, { ...stepActionData(ctx) })]
      : []),
  ];
  return stepCard(
    ctx,
    textFor(step.title, ctx.language),
    [
      ...eventDetails(ctx, step),
      paragraph(selfConfirms ? t.step.event.selfConfirms : t.step.event.facilitatorConfirms, {
        isSubtle: true,
      }),
    ],
    actions,
  );
}

/** Replaces the event card once attendance is confirmed, by the person or the facilitator. */
export function attendanceConfirmedCard(ctx: StepCardContext, step: EventStep): AdaptiveCard {
  return stepCard(ctx, textFor(step.title, ctx.language), [
    ...eventDetails(ctx, step),
    doneLine(ctx.t.step.event.attendanceConfirmed),
  ]);
}

function eventDetails(ctx: StepCardContext, step: EventStep): CardElement[] {
  const { t, language } = ctx;
  const facts = [
    ...(step.when ? [{ title: t.step.event.when, value: formatLocalDateTime(t, step.when) }] : []),
    ...(step.where ? [{ title: t.step.event.where, value: textFor(step.where, language) }] : []),
    ...(!step.where && step.meetingUrl ? [{ title: t.step.event.where, value: t.step.event.online }] : []),
  ];
  return [paragraph(textFor(step.description, language)), { type: 'FactSet', facts }];
}

/**
 * "2025-09-01T09:00" → "Monday, 1 September 2025 at 09:00". The time is already local to the learner,
 * so it is formatted as given: read as UTC and shown in UTC, never shifted by the server's time zone.
 */
export function formatLocalDateTime(t: Messages, local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return local;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return dateFormat(t.step.dateLocale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(Date.UTC(y, mo - 1, d, h, mi));
}
