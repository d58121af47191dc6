import type { GuidelineCardView } from '../../domain/broadcasts/guidelineView.ts';
import { messagesFor } from '../../messages/catalog.ts';
import {
  card,
  executeButton,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../platform/adaptiveCard.ts';
import { broadcastCardVerbs } from '../platform/cardVerbs.ts';
import { dateFormat } from '../platform/dateFormats.ts';

/**
 * A guideline as people get it in chat: title, what changed (after a correction), the Markdown body,
 * the due day, a link, and "I have read and understood" (Action.Execute with the broadcast's id and
 * the version shown). Acknowledged, the button gives way to "Acknowledged on <date>". The same card
 * is the tab's preview, so HR sees exactly what people get.
 */
export function guidelineCard(view: GuidelineCardView, note?: string): AdaptiveCard {
  const t = messagesFor(view.language).broadcasts;
  const body: CardElement[] = [];
  if (note) body.push(paragraph(note, { weight: 'Bolder', color: 'Attention' }));
  if (view.nudgedBy !== undefined)
    body.push(paragraph(view.nudgedBy ? t.nudgedBy(view.nudgedBy) : t.nudgedByUnknown, { isSubtle: true }));
  else if (view.reminder) body.push(paragraph(t.reminder, { isSubtle: true }));
  body.push(heading(view.title));
  if (view.changeNote) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(t.updated(view.version, view.changeNote), { weight: 'Bolder' }),
        ...(view.requiresAcknowledgement && !view.acknowledgedAt
          ? [paragraph(t.askAgain, { spacing: 'None' })]
          : []),
      ],
    });
  }
  body.push(...markdownBlocks(view.body));
  const acknowledged = view.acknowledgedAt;
  if (view.requiresAcknowledgement && acknowledged) {
    body.push(
      paragraph(t.acknowledgedOn(formatWhen(acknowledged, t.dateLocale, view.timeZone)), {
        weight: 'Bolder',
        color: 'Good',
      }),
    );
  } else if (view.requiresAcknowledgement && view.dueDate) {
    body.push(paragraph(t.dueBy(formatDay(view.dueDate, t.dateLocale)), { isSubtle: true }));
  }
  const actions: CardAction[] = [];
  if (view.requiresAcknowledgement && !acknowledged)
    actions.push(
      executeButton(t.confirm, broadcastCardVerbs.acknowledgeGuideline, {
        broadcastId: view.broadcastId,
        version: view.version,
      }),
    );
  if (view.link) actions.push({ type: 'Action.OpenUrl', title: t.openLink, url: view.link });
  return { ...card(body, actions), msteams: { width: 'Full' } };
}

/** A withdrawn guideline: what replaces the card when someone clicks it after a recall. */
export function recalledGuidelineCard(language: GuidelineCardView['language']): AdaptiveCard {
  const t = messagesFor(language).broadcasts;
  return card([heading(t.recalledTitle), paragraph(t.recalled)]);
}

/**
 * Markdown as TextBlocks: one per paragraph (Adaptive Cards render bold, italic, lists and links in
 * a TextBlock, but no headings), so a line starting with `#` becomes a bold line of its own.
 */
export function markdownBlocks(markdown: string): CardElement[] {
  const blocks: CardElement[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines: string[] = [];
    const flush = () => {
      if (lines.length > 0) blocks.push(paragraph(lines.join('\n')));
      lines.length = 0;
    };
    for (const line of chunk.split('\n')) {
      const headingMatch = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
      if (headingMatch) {
        flush();
        blocks.push(paragraph(headingMatch[1]!.trim(), { weight: 'Bolder', size: 'Medium' }));
      } else if (line.trim() !== '') lines.push(line);
    }
    flush();
  }
  return blocks;
}

function formatWhen(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}

function formatDay(day: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}
