import { textFor, type AcknowledgeStep } from '../../../domain/learning/program.ts';
import { executeButton, paragraph, type AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../platform/cardVerbs.ts';
import { doneLine, stepActionData, stepCard, type StepCardContext } from './stepCardContext.ts';

/** A guideline the person confirms they have read and understood; the version goes with the answer. */
export function acknowledgeCard(ctx: StepCardContext, step: AcknowledgeStep): AdaptiveCard {
  const { t, language } = ctx;
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      paragraph(t.step.acknowledge.version(step.textVersion), {
        isSubtle: true,
        size: 'Small',
        spacing: 'None',
      }),
      paragraph(textFor(step.text, language)),
    ],
    [
      executeButton(t.step.acknowledge.confirm, stepCardVerbs.acknowledge, {
        ...stepActionData(ctx),
        textVersion: step.textVersion,
      }),
    ],
  );
}

/** Replaces the acknowledge card: the text stays readable, with when it was confirmed. */
export function acknowledgedCard(ctx: StepCardContext, step: AcknowledgeStep, atLabel: string): AdaptiveCard {
  const { t, language } = ctx;
  return stepCard(ctx, textFor(step.title, language), [
    paragraph(t.step.acknowledge.version(step.textVersion), {
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
    }),
    paragraph(textFor(step.text, language)),
    doneLine(t.step.acknowledge.confirmed(step.textVersion, atLabel)),
  ]);
}
