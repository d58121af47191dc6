import type { Language } from '../../../domain/platform/language.ts';
import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';

/** What a learning-time card shows, in the reader's language. Built by src/cards/managers. */
export interface LearningTimeView {
  request: LearningTimeRequest;
  learnerName: string;
  deciderName?: string;
  language: Language;
}

/** The cards the follow-up job sends; the presenter in src/cards/managers implements it. */
export interface LearningTimePresenter {
  /** To the manager: approve or deny, or (once settled) what was decided. */
  managerCard(view: LearningTimeView): object;
  /** To the learner: the answer, and whether the time is in their calendar. */
  learnerCard(view: LearningTimeView): object;
  /** The calendar event's subject and body, in the learner's language. */
  calendarText(view: LearningTimeView): { subject: string; body: string };
}
