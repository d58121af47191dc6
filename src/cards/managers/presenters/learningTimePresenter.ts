import { textFor } from '../../../domain/learning/program.ts';
import type { Language } from '../../../domain/platform/language.ts';
import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { ProgramCatalog } from '../../../usecases/learning/programCatalog.ts';
import type {
  LearningTimePresenter,
  LearningTimeView,
} from '../../../usecases/managers/learningTime/learningTimeCards.ts';
import {
  learnerLearningTimeCard,
  managerLearningTimeCard,
  type LearningTimeSummary,
} from '../learningTimeCards.ts';

/** "Friday 12 December" for the request's day (a calendar day: no time zone shift). */
export function learningDateLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(messagesFor(language).step.dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The program's title in the reader's language, or the learner's own line. */
export function purposeLabel(
  catalog: ProgramCatalog,
  request: LearningTimeRequest,
  language: Language,
): string {
  if (request.purpose.kind === 'text') return request.purpose.text;
  const program = catalog.find(request.purpose.programId);
  return program ? textFor(program.title, language) : request.purpose.programId;
}

export function learningTimeSummary(catalog: ProgramCatalog, view: LearningTimeView): LearningTimeSummary {
  return {
    request: view.request,
    learnerName: view.learnerName,
    deciderName: view.deciderName,
    dateLabel: learningDateLabel(view.request.date, view.language),
    purposeLabel: purposeLabel(catalog, view.request, view.language),
  };
}

/** The cards and calendar text the follow-up job sends, built from the program catalogue. */
export function learningTimePresenter(catalog: ProgramCatalog): LearningTimePresenter {
  return {
    managerCard: (view) =>
      managerLearningTimeCard(messagesFor(view.language), learningTimeSummary(catalog, view)),
    learnerCard: (view) =>
      learnerLearningTimeCard(messagesFor(view.language), learningTimeSummary(catalog, view)),
    calendarText: (view) => {
      const m = messagesFor(view.language).managers.learningTime;
      return {
        subject: m.calendarSubject(purposeLabel(catalog, view.request, view.language)),
        body: m.calendarBody(view.deciderName ?? ''),
      };
    },
  };
}
