import { PULSE_COMMENT_MAX } from '../../../domain/effect/selfAssessment.ts';
import type { Messages } from '../../../messages/catalog.ts';
import { executeButton, paragraph, type CardElement } from '../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../platform/cardVerbs.ts';
import { stepInputIds } from './stepActionSchemas.ts';
import { stepActionData, type StepCardContext } from './stepCardContext.ts';

/**
 * "Was this useful?" under a finished item: two buttons and an optional one-line comment. One tap
 * answers; the comment goes with whichever button is tapped. Kept small so it never crowds the result.
 */
export function pulseElement(ctx: StepCardContext, t: Messages = ctx.t): CardElement {
  const p = t.effect.pulse;
  const data = stepActionData(ctx);
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      paragraph(p.question, { weight: 'Bolder', size: 'Small' }),
      {
        type: 'Input.Text',
        id: stepInputIds.pulseComment,
        label: p.commentLabel,
        placeholder: p.commentPlaceholder,
        maxLength: PULSE_COMMENT_MAX,
        isMultiline: false,
      },
      {
        type: 'ActionSet',
        actions: [
          executeButton(p.useful, stepCardVerbs.answerPulse, { ...data, useful: 'true' }),
          executeButton(p.notUseful, stepCardVerbs.answerPulse, { ...data, useful: 'false' }),
        ],
      },
    ],
  };
}
