import { messagesFor } from '../../../messages/catalog.ts';
import type { TeamCardPresenter } from '../../../usecases/managers/team/teamActions.ts';
import { nudgeCard, recognitionCard } from '../teamCards.ts';

/** The nudge and thank-you cards, and the catalogue's suggested lines, for the team actions. */
export const teamCardPresenter: TeamCardPresenter = {
  nudgeCard,
  recognitionCard,
  recognitionSuggestions: (language) => messagesFor(language).managers.recognition.suggestions,
};
