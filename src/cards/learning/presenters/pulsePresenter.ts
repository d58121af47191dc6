import { PULSE_COMMENT_MAX } from '../../../domain/effect/selfAssessment.ts';
import type { Messages } from '../../../messages/catalog.ts';
import type { CardActionResult } from '../../platform/cardActionResult.ts';
import type { PulseOutcome } from '../../../usecases/learning/answerPulse.ts';
import { outdatedCard } from '../steps/outdatedCard.ts';

/** A pulse answers with a short note under the card; the card clicked stays as it was. */
export function presentPulseAnswer(outcome: PulseOutcome, viewer: { t: Messages }): CardActionResult {
  const { t } = viewer;
  switch (outcome.kind) {
    case 'saved':
      return { kind: 'note', text: t.effect.pulse.thanks };
    case 'tooLong':
      return { kind: 'note', text: t.effect.pulse.tooLong(PULSE_COMMENT_MAX) };
    case 'refused':
      if (outcome.refusal === 'notYours' || outcome.refusal === 'alreadyDone')
        return { kind: 'note', text: `${t.outdated[outcome.refusal].body} ${t.outdated.nothingChanged}` };
      return { kind: 'card', card: outdatedCard(t, outcome.refusal) };
  }
}
