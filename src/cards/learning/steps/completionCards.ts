import type { Messages } from '../../../messages/catalog.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { cardVerbs } from '../../platform/cardVerbs.ts';
import { doneLine, stepCard, type StepCardContext } from './stepCardContext.ts';

/** Replaces a step card once the step is done (a lesson marked as done): the title and "Done ✓". */
export function stepDoneCard(ctx: StepCardContext, stepTitle: string, note?: string): AdaptiveCard {
  return stepCard(ctx, stepTitle, [
    doneLine(ctx.t.step.done),
    ...(note ? [paragraph(note, { isSubtle: true })] : []),
  ]);
}

/** Sent when the last mandatory step of a program is done. */
export function programCompletedCard(t: Messages, programTitle: string): AdaptiveCard {
  return card(
    [
      heading(`🎉 ${t.step.programCompleted.title}`),
      paragraph(t.step.programCompleted.body(programTitle), { weight: 'Bolder' }),
      paragraph(t.step.programCompleted.next, { isSubtle: true }),
    ],
    [executeButton(t.welcome.myLearningButton, cardVerbs.showMyLearning)],
  );
}
