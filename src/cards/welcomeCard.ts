import type { Messages } from '../messages/catalog.ts';
import { card, chatCommandButton, heading, paragraph, type AdaptiveCard } from './adaptiveCard.ts';

export function welcomeCard(t: Messages): AdaptiveCard {
  return card(
    [heading(t.welcome.title), paragraph(t.welcome.body), paragraph(t.welcome.nextSteps, { isSubtle: true })],
    [chatCommandButton(t.welcome.myLearningButton, 'my learning'), chatCommandButton(t.welcome.helpButton, 'help')],
  );
}
