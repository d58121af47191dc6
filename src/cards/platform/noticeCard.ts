import { card, paragraph, type AdaptiveCard } from './adaptiveCard.ts';

/** A one-line answer in chat, as a card so it looks like the rest of Drypp. */
export function noticeCard(text: string): AdaptiveCard {
  return card([paragraph(text)]);
}
