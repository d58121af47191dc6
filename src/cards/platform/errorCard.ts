import type { Messages } from '../../messages/catalog.ts';
import { card, heading, paragraph, type AdaptiveCard } from './adaptiveCard.ts';

/** Shown instead of a stack trace: a friendly line and a reference IT can find in the logs. */
export function errorCard(t: Messages, correlationId: string): AdaptiveCard {
  return card([
    heading(t.error.title),
    paragraph(t.error.body),
    paragraph(correlationId, { fontType: 'Monospace', isSubtle: true }),
  ]);
}
