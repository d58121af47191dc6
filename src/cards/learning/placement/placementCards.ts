import { textFor, type Part } from '../../../domain/learning/program.ts';
import type { PlacementOutcome } from '../../../domain/learning/stepState.ts';
import type { Messages } from '../../../messages/catalog.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { placementCardVerbs } from '../../platform/cardVerbs.ts';
import { inlineError } from '../steps/stepCardContext.ts';
import { questionInput } from '../steps/quiz/quizParts.ts';

/** What a placement card shows and carries; texts in the learner's language. */
export interface PlacementCardContext {
  t: Messages;
  language: string;
  programId: string;
  programVersion: number;
  programTitle: string;
  learnerId: string;
  part: Part & { placement: NonNullable<Part['placement']> };
}

/** Whose card it is and which part: the server re-checks all of it (never the card's word for a score). */
function placementData(ctx: PlacementCardContext) {
  return {
    programId: ctx.programId,
    programVersion: ctx.programVersion,
    partId: ctx.part.id,
    learnerId: ctx.learnerId,
  };
}

function header(ctx: PlacementCardContext) {
  const partTitle = textFor(ctx.part.title, ctx.language);
  return [
    paragraph(`${ctx.programTitle} · ${ctx.t.placement.kicker}`, { isSubtle: true, size: 'Small' }),
    heading(ctx.t.placement.title(partTitle)),
  ];
}

/** "Already know CPR? Take a short test and skip this part": the questions, or no thanks. */
export function placementCard(
  ctx: PlacementCardContext,
  options: { error?: string; selected?: Record<string, number[]> } = {},
): AdaptiveCard {
  const { t, language, part } = ctx;
  const partTitle = textFor(part.title, language);
  const questions = part.placement.questions;
  return {
    ...card(
      [
        ...header(ctx),
        paragraph(t.placement.intro(partTitle, part.steps.length)),
        paragraph(t.placement.passMark(Math.round(part.placement.passMark * 100)), {
          isSubtle: true,
          spacing: 'Small',
        }),
        ...questions.map((q, index) =>
          questionInput(t, language, q, { index, total: questions.length }, options.selected?.[q.id]),
        ),
        ...inlineError(options.error),
      ],
      [
        executeButton(t.placement.submit, placementCardVerbs.answerPlacement, placementData(ctx)),
        // Declining needs no answers: the required choice sets must not hold the button back.
        {
          ...executeButton(t.placement.decline, placementCardVerbs.declinePlacement, placementData(ctx)),
          associatedInputs: 'none',
        },
      ],
    ),
    msteams: { width: 'Full' },
  };
}

export interface PlacementResultView {
  outcome: PlacementOutcome;
  /** Questions answered right, of `total` (none for a declined quiz). */
  right: number;
  total: number;
}

/** Replaces the placement card once answered: the result and what happens with the part now. */
export function placementResultCard(ctx: PlacementCardContext, result: PlacementResultView): AdaptiveCard {
  const { t } = ctx;
  const partTitle = textFor(ctx.part.title, ctx.language);
  const lines =
    result.outcome === 'passed'
      ? [
          paragraph(t.placement.passed(result.right, result.total), { weight: 'Bolder', color: 'Good' }),
          paragraph(t.placement.passedBody(partTitle)),
        ]
      : result.outcome === 'failed'
        ? [
            paragraph(t.placement.failed(result.right, result.total), {
              weight: 'Bolder',
              color: 'Attention',
            }),
            paragraph(t.placement.failedBody(partTitle)),
          ]
        : [paragraph(t.placement.declined(partTitle))];
  return { ...card([...header(ctx), ...lines]), msteams: { width: 'Full' } };
}
