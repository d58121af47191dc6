/**
 * A small typed subset of Adaptive Cards 1.5: just what Drypp's cards use. Cards are pure functions
 * from a view model to this JSON; the bot wraps them in an attachment.
 */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width?: 'Full' };
  /** Universal Actions: Teams runs this Action.Execute when the card is shown, to get its current state. */
  refresh?: { action: CardAction };
}

export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & { type: string; title: string };

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function card(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function paragraph(text: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * A Universal Action button (Action.Execute): Teams sends the bot an adaptiveCard/action invoke with
 * the verb and data, and the bot answers in place. Every card action goes through the bot's verb table.
 */
export function executeButton(title: string, verb: string, data: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Execute', title, verb, data };
}
