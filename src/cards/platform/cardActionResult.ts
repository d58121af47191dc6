/**
 * What a card action answers with: a card that replaces the one clicked, or a short note shown under
 * it (the card stays as it was). Presenters build it; the bot hands it to Teams.
 */
export type CardActionResult = { kind: 'card'; card: object } | { kind: 'note'; text: string };
