import { SELF_ASSESSMENT_SCALE, textFor, type SelfAssessmentStep } from '../../../domain/learning/program.ts';
import {
  executeButton,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../platform/cardVerbs.ts';
import { selfAssessmentInputId } from './stepActionSchemas.ts';
import { doneLine, inlineError, stepActionData, stepCard, type StepCardContext } from './stepCardContext.ts';

export interface SelfAssessmentCardOptions {
  /** Shown above the button when a statement was left unrated; the valid ratings are kept. */
  error?: string;
  kept?: Record<string, number>;
  /** Statements to mark as still to be rated. */
  missing?: string[];
}

/** Each statement with the 1–5 scale as radio buttons, answered in the card. */
export function selfAssessmentCard(
  ctx: StepCardContext,
  step: SelfAssessmentStep,
  options: SelfAssessmentCardOptions = {},
): AdaptiveCard {
  const { t, language } = ctx;
  const e = t.effect.selfAssessment;
  const scale = Array.from(
    { length: SELF_ASSESSMENT_SCALE.max - SELF_ASSESSMENT_SCALE.min + 1 },
    (_, i) => SELF_ASSESSMENT_SCALE.min + i,
  );
  const statements: CardElement[] = step.statements.map((statement) => ({
    type: 'Input.ChoiceSet',
    id: selfAssessmentInputId(statement.id),
    label: textFor(statement.text, language),
    style: 'expanded',
    isRequired: true,
    errorMessage: e.unrated,
    spacing: 'Medium',
    choices: scale.map((n) => ({ title: e.scale[n - 1] ?? String(n), value: String(n) })),
    ...(options.kept?.[statement.id] !== undefined ? { value: String(options.kept[statement.id]) } : {}),
  }));
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      paragraph(step.phase === 'before' ? e.before : e.after),
      ...statements,
      paragraph(step.shareWithManager ? e.privacyShared : e.privacy, { isSubtle: true, size: 'Small' }),
      ...inlineError(options.error),
    ],
    [executeButton(e.submit, stepCardVerbs.answerSelfAssessment, { ...stepActionData(ctx) })],
  );
}

/** Replaces the card once saved: each statement with the rating given, read-only. */
export function selfAssessmentSavedCard(
  ctx: StepCardContext,
  step: SelfAssessmentStep,
  ratings: Record<string, number>,
): AdaptiveCard {
  const { t, language } = ctx;
  const e = t.effect.selfAssessment;
  return stepCard(ctx, textFor(step.title, language), [
    doneLine(e.saved),
    ...step.statements.flatMap((statement) => [
      paragraph(textFor(statement.text, language), { spacing: 'Medium' }),
      paragraph(e.yourRating(ratings[statement.id] ?? 0), { isSubtle: true, spacing: 'None' }),
    ]),
  ]);
}
