import type { Messages } from '../../../messages/catalog.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { cardVerbs } from '../../platform/cardVerbs.ts';

/** Why an action on a step card changed nothing. */
export type OutdatedReason = 'alreadyDone' | 'oldVersion' | 'notYours' | 'notActive' | 'unknown';

/**
 * The answer to a double click, a replayed action, an old card or someone else's card: what happened,
 * and that nothing changed. Replaces the card only for the person who clicked.
 */
export function outdatedCard(t: Messages, reason: OutdatedReason): AdaptiveCard {
  const text = t.outdated[reason];
  return card(
    [heading(text.title), paragraph(text.body), paragraph(t.outdated.nothingChanged, { weight: 'Bolder' })],
    [executeButton(t.welcome.myLearningButton, cardVerbs.showMyLearning)],
  );
}
