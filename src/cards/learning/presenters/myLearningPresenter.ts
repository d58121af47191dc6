import type { AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { dayMonthFormat } from '../../platform/dateFormats.ts';
import { myLearningCard } from '../myLearningCard.ts';
import type { Language } from '../../../domain/platform/language.ts';
import type { Messages } from '../../../messages/catalog.ts';
import type { MyLearningEntry } from '../../../usecases/learning/showMyLearning.ts';

/** The "my learning" card for a person's list, next due dates in their language and time zone. */
export function presentMyLearning(
  viewer: { language: Language; t: Messages },
  entries: MyLearningEntry[],
): AdaptiveCard {
  const items = entries.map(({ nextDueAt, timeZone, ...entry }) => ({
    ...entry,
    nextDue: nextDueAt ? dayMonthFormat(viewer.language, timeZone).format(new Date(nextDueAt)) : undefined,
  }));
  return myLearningCard(viewer.t, items);
}
