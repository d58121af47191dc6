import type { Language } from '../../domain/platform/language.ts';
import { messagesFor } from '../../messages/catalog.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from '../platform/adaptiveCard.ts';
import { cardVerbs } from '../platform/cardVerbs.ts';

/** A friendly nudge from the manager, with the way into My learning. */
export function nudgeCard(view: { managerName: string; language: Language }): AdaptiveCard {
  const t = messagesFor(view.language);
  return card(
    [heading(t.managers.nudge.title), paragraph(t.managers.nudge.body(view.managerName))],
    [executeButton(t.managers.nudge.myLearningButton, cardVerbs.showMyLearning)],
  );
}

/** A short thank-you: the manager's line (shown as typed, never as Markdown) and what it is for. */
export function recognitionCard(view: {
  managerName: string;
  text: string;
  subjectTitle?: string;
  language: Language;
}): AdaptiveCard {
  const t = messagesFor(view.language).managers.recognition;
  return card([
    heading(t.title(view.managerName)),
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: view.text, size: 'Medium' }] },
    ...(view.subjectTitle ? [paragraph(t.forWhat(view.subjectTitle), { isSubtle: true })] : []),
  ]);
}
