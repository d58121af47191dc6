import { personLanguage } from '../../../domain/platform/language.ts';
import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';
import type { OutboundCardKind, RenderContext } from '../../delivery/outboundPorts.ts';
import type { ManagersDeps } from '../managersDeps.ts';
import type { LearningTimePresenter, LearningTimeView } from './learningTimeCards.ts';

export const LEARNING_TIME_KIND = 'learningTime';

/** Which of a request's two cards: the manager's (approve or deny) or the learner's (the answer). */
export interface LearningTimeCardRef {
  [field: string]: string;
  requestId: string;
  to: 'manager' | 'learner';
}

type CardDeps = Pick<ManagersDeps, 'learningTime' | 'people'>;

/**
 * The outbound pipeline's `learningTime` kind: the request card to the manager and the answer to
 * the learner, built at send time from the request as it is then (a request decided before its card
 * went out shows the decision), in the reader's language.
 */
export function learningTimeCardKind(deps: CardDeps, presenter: LearningTimePresenter): OutboundCardKind {
  return {
    kind: LEARNING_TIME_KIND,
    async render(item, context) {
      const ref = item.ref as LearningTimeCardRef;
      const request = await deps.learningTime.get(item.tenantId, ref.requestId);
      if (!request) return { skip: 'requestGone' };
      const view = await viewFor(deps, request, item.userId, context);
      return { card: ref.to === 'manager' ? presenter.managerCard(view) : presenter.learnerCard(view) };
    },
  };
}

/** What a card shows, in the reader's language (their profile, else their Teams client's). */
export async function viewFor(
  deps: CardDeps,
  request: LearningTimeRequest,
  readerId: string,
  context?: Pick<RenderContext, 'locale'>,
): Promise<LearningTimeView> {
  const [learner, reader, decider] = await Promise.all([
    deps.people.get(request.tenantId, request.learnerId),
    deps.people.get(request.tenantId, readerId),
    request.decidedBy ? deps.people.get(request.tenantId, request.decidedBy) : undefined,
  ]);
  return {
    request,
    learnerName: learner?.displayName ?? '',
    deciderName: decider?.displayName,
    language: personLanguage(reader?.preferredLanguage, context?.locale),
  };
}
