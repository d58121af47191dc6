import type { Messages } from '../../../messages/catalog.ts';
import {
  card,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../../platform/adaptiveCard.ts';

/** What every step card needs to know besides the step itself. Texts are already in the learner's language. */
export interface StepCardContext {
  t: Messages; // the learner's catalogue
  language: string; // for textFor
  programId: string;
  programVersion: number;
  programTitle: string;
  stepId: string;
  stepNumber: number;
  totalSteps: number;
  learnerId: string; // Entra object id of the learner; goes into action data
  mandatory: boolean;
  minutes: number;
  dueLabel?: string; // already formatted date, e.g. "27 November"
  /** Set when the card is re-sent as a reminder (1 for the first): a line on top says it is overdue. */
  reminder?: number;
}

/** Data every step action carries, so the server can re-check who may act and whether the card is current. */
export interface StepActionData {
  programId: string;
  programVersion: number;
  stepId: string;
  learnerId: string;
}

export function stepActionData(ctx: StepCardContext): StepActionData {
  return {
    programId: ctx.programId,
    programVersion: ctx.programVersion,
    stepId: ctx.stepId,
    learnerId: ctx.learnerId,
  };
}

/**
 * A step card: reminder line (if any), program title · "Step 3 of 10", the badge line
 * "Mandatory · 5 min · due 27 November", the title, then the content.
 */
export function stepCard(
  ctx: StepCardContext,
  title: string,
  content: CardElement[],
  actions: CardAction[] = [],
  options: { kicker?: string } = {},
): AdaptiveCard {
  const { t } = ctx;
  const reminder =
    ctx.reminder !== undefined
      ? [paragraph(t.step.reminder(ctx.dueLabel), { color: 'Attention', weight: 'Bolder' })]
      : [];
  const kicker = options.kicker ?? t.step.position(ctx.stepNumber, ctx.totalSteps);
  const badge = [
    ctx.mandatory ? t.step.mandatory : t.step.voluntary,
    t.step.minutes(ctx.minutes),
    ...(ctx.dueLabel ? [t.step.due(ctx.dueLabel)] : []),
  ].join(' · ');
  return {
    ...card(
      [
        ...reminder,
        paragraph(`${ctx.programTitle} · ${kicker}`, { isSubtle: true, size: 'Small' }),
        paragraph(badge, {
          size: 'Small',
          weight: 'Bolder',
          color: ctx.mandatory ? 'Accent' : 'Default',
          spacing: 'None',
        }),
        heading(title),
        ...content,
      ],
      actions,
    ),
    msteams: { width: 'Full' },
  };
}

/** Text the learner wrote, shown literally: a TextRun does not interpret Markdown. */
export function literalText(text: string): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] };
}

/** A short inline message next to the inputs, e.g. "Choose an answer for every question". */
export function inlineError(error: string | undefined): CardElement[] {
  return error ? [paragraph(error, { color: 'Attention', weight: 'Bolder' })] : [];
}

/** A closing line such as "Done ✓". */
export function doneLine(text: string): CardElement {
  return paragraph(text, { color: 'Good', weight: 'Bolder' });
}

export function openUrl(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}
