import { textFor } from '../../../domain/learning/program.ts';
import type { Messages } from '../../../messages/catalog.ts';
import type { PlacementAnswer, PlacementView } from '../../../usecases/learning/placement/answerPlacement.ts';
import type { RenderPlacementCard } from '../../../usecases/learning/placement/placementCardKind.ts';
import type { CardActionResult } from '../../platform/cardActionResult.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import {
  placementCard,
  placementResultCard,
  type PlacementCardContext,
} from '../placement/placementCards.ts';
import { outdatedCard } from '../steps/outdatedCard.ts';

function contextOf(view: PlacementView, viewer: { t: Messages; language: string }): PlacementCardContext {
  return {
    t: viewer.t,
    language: viewer.language,
    programId: view.program.id,
    programVersion: view.program.version,
    programTitle: textFor(view.program.title, viewer.language),
    learnerId: view.learnerId,
    part: view.part,
  };
}

/** The placement card the pipeline sends, in the learner's language. */
export const renderPlacementCard: RenderPlacementCard = ({ program, part, learnerId, language }) =>
  placementCard(contextOf({ program, part, learnerId }, { t: messagesFor(language), language }));

/**
 * The answer replaces the card with its result (a second click shows the first one's result);
 * someone else's click leaves the card as it is, with a note under it; an old or unknown card is
 * replaced by an explanation. Nothing refused changed anything.
 */
export function presentPlacementAnswer(
  answer: PlacementAnswer,
  viewer: { t: Messages; language: string },
): CardActionResult {
  const { t } = viewer;
  switch (answer.kind) {
    case 'answered':
      return {
        kind: 'card',
        card: placementResultCard(contextOf(answer.view, viewer), {
          outcome: answer.outcome,
          right: answer.right,
          total: answer.total,
        }),
      };
    case 'incomplete':
      return {
        kind: 'card',
        card: placementCard(contextOf(answer.view, viewer), {
          error: t.placement.chooseAnswer,
          selected: answer.selected,
        }),
      };
    case 'refused':
      if (answer.refusal === 'notYours')
        return { kind: 'note', text: `${t.outdated.notYours.body} ${t.outdated.nothingChanged}` };
      return { kind: 'card', card: outdatedCard(t, answer.refusal) };
  }
}
