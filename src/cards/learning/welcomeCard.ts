import type { Messages } from '../../messages/catalog.ts';
import { cardVerbs } from '../platform/cardVerbs.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from '../platform/adaptiveCard.ts';

export function welcomeCard(t: Messages): AdaptiveCard {
  return card(
    [heading(t.welcome.title), paragraph(t.welcome.body), paragraph(t.welcome.nextSteps, { isSubtle: true })],
    [
      executeButton(t.welcome.myLearningButton, cardVerbs.showMyLearning),
      executeButton(t.welcome.helpButton, cardVerbs.showHelp),
    ],
  );
}
