import type { Messages } from '../../messages/catalog.ts';
import { cardVerbs } from './cardVerbs.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from './adaptiveCard.ts';

export function helpCard(t: Messages, options: { notUnderstood?: boolean } = {}): AdaptiveCard {
  return card(
    [
      ...(options.notUnderstood ? [paragraph(t.help.notUnderstood, { weight: 'Bolder' })] : []),
      heading(t.help.title),
      paragraph(t.help.intro),
      {
        type: 'FactSet',
        facts: t.help.commands.map((c) => ({ title: c.command, value: c.description })),
      },
      paragraph(t.help.privacy, { isSubtle: true, size: 'Small' }),
    ],
    [executeButton(t.welcome.myLearningButton, cardVerbs.showMyLearning)],
  );
}
