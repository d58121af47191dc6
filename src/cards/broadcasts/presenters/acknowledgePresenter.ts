import type { CardActionResult } from '../../platform/cardActionResult.ts';
import type { Language } from '../../../domain/platform/language.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { AcknowledgeOutcome } from '../../../usecases/broadcasts/acknowledgeGuideline.ts';
import { guidelineCard, recalledGuidelineCard } from '../guidelineCard.ts';

/**
 * The answer to "I have read and understood": the card replaced in place with "Acknowledged on
 * <date>"; an outdated card with the current version (and why nothing was recorded); a recalled one
 * with the withdrawal; someone else's with a note, the card unchanged.
 */
export function presentAcknowledgement(outcome: AcknowledgeOutcome, language: Language): CardActionResult {
  const t = messagesFor(language).broadcasts;
  switch (outcome.kind) {
    case 'notYours':
      return { kind: 'note', text: t.notYours };
    case 'recalled':
      return { kind: 'card', card: recalledGuidelineCard(language) };
    case 'outdated':
      return { kind: 'card', card: guidelineCard(outcome.card, t.outdated) };
    case 'notRequired':
      return { kind: 'card', card: guidelineCard(outcome.card, t.noAcknowledgement) };
    case 'alreadyAcknowledged':
    case 'acknowledged':
      return { kind: 'card', card: guidelineCard(outcome.card) };
  }
}

/** The cards the outbound pipeline sends, for src/usecases/broadcasts (GuidelineCardPresenter). */
export const guidelineCardPresenter = {
  guidelineCard: (view: Parameters<typeof guidelineCard>[0]) => guidelineCard(view),
};
