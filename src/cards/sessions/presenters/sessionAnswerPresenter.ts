import type { CardActionResult } from '../../platform/cardActionResult.ts';
import { outdatedCard } from '../../learning/steps/outdatedCard.ts';
import { stepCardContext } from '../../learning/presenters/stepView.ts';
import type { Viewer } from '../../learning/presenters/stepAnswerPresenter.ts';
import type { SessionAnswer } from '../../../usecases/sessions/pickSession.ts';
import { sessionBookedCard, sessionChoiceCard } from '../sessionCards.ts';

/** A learner's session action answered in place: the choices, the booking, or why nothing changed. */
export function presentSessionAnswer(answer: SessionAnswer, viewer: Viewer): CardActionResult {
  const { t } = viewer;
  if (answer.kind === 'refused') {
    const { refusal } = answer;
    if (refusal === 'alreadyDone' || refusal === 'notYours')
      return { kind: 'note', text: `${t.outdated[refusal].body} ${t.outdated.nothingChanged}` };
    return { kind: 'card', card: outdatedCard(t, refusal) };
  }
  const { program, step, enrollment, state } = answer.loaded;
  const learner = { userId: enrollment.userId, language: viewer.language, timeZone: enrollment.timeZone };
  const ctx = stepCardContext(program, step, learner, state.dueAt);
  switch (answer.kind) {
    case 'offers':
      return { kind: 'card', card: sessionChoiceCard(ctx, answer.step, answer) };
    case 'notPicked':
      return {
        kind: 'card',
        card: sessionChoiceCard(ctx, answer.step, { ...answer, error: t.sessions.problems[answer.problem] }),
      };
    case 'booked':
      return { kind: 'card', card: sessionBookedCard(ctx, answer.step, answer.booking, answer.changed) };
    case 'cancelled':
      return {
        kind: 'card',
        card: sessionChoiceCard(ctx, answer.step, { offers: answer.offers, note: t.sessions.cancelled }),
      };
  }
}
