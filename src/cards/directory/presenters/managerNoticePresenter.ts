import type { AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { managerNoticeCard } from '../managerNoticeCard.ts';
import { isMandatoryStep, textFor } from '../../../domain/learning/program.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { ManagerNotice } from '../../../usecases/directory/noticeManager.ts';
import { dateFormat } from '../../platform/dateFormats.ts';

/** "Maja Berg starts Monday 1 December in Nursing; this is her plan", in the manager's language. */
export function presentManagerNotice(notice: ManagerNotice): AdaptiveCard {
  const { language, hire } = notice;
  const t = messagesFor(language);
  const startLabel = dateFormat(t.step.dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: hire.timeZone ?? 'Europe/Oslo',
  }).format(notice.start);
  const programs = notice.programs.map((program) => ({
    title: textFor(program.title, language),
    steps: program.steps.length,
    mandatory: program.steps.some((s) => isMandatoryStep(program, s)),
  }));
  return managerNoticeCard(t, {
    hireName: hire.displayName,
    department: hire.department,
    startLabel,
    programs,
  });
}
