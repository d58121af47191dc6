import type { EnrollmentStatus } from '../../domain/learning/enrollment.ts';
import type { Messages } from '../../messages/catalog.ts';
import { card, heading, paragraph, type AdaptiveCard, type CardElement } from '../platform/adaptiveCard.ts';

export interface MyLearningItem {
  title: string | undefined; // undefined when the program is no longer in the content
  status: EnrollmentStatus;
  completedSteps: number;
  totalSteps: number;
  nextDue?: string; // already formatted for the person's language
  nextTitle?: string; // the next step not done yet
}

export function myLearningCard(t: Messages, items: MyLearningItem[]): AdaptiveCard {
  if (items.length === 0) {
    return card([
      heading(t.myLearning.title),
      paragraph(t.myLearning.emptyTitle, { weight: 'Bolder' }),
      paragraph(t.myLearning.emptyBody),
    ]);
  }
  return card([heading(t.myLearning.title), ...items.flatMap((item) => programBlock(t, item))]);
}

function programBlock(t: Messages, item: MyLearningItem): CardElement[] {
  return [
    {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        paragraph(item.title ?? t.myLearning.unknownProgram, { weight: 'Bolder' }),
        paragraph(
          `${t.myLearning.status[item.status]} · ${t.myLearning.progress(item.completedSteps, item.totalSteps)}`,
          {
            isSubtle: true,
            spacing: 'None',
          },
        ),
        progressBar(item.completedSteps, item.totalSteps),
        ...(item.nextTitle && item.status === 'active'
          ? [paragraph(t.myLearning.nextItem(item.nextTitle))]
          : []),
        ...(item.nextDue && item.status === 'active' ? [paragraph(t.myLearning.nextDue(item.nextDue))] : []),
      ],
    },
  ];
}

/** Adaptive Cards have no progress bar; two weighted columns with different styles draw one. */
function progressBar(done: number, total: number): CardElement {
  const percent = total > 0 ? Math.round((Math.min(done, total) / total) * 100) : 0;
  const column = (width: number, style: string) => ({
    type: 'Column',
    width: `${Math.max(width, 0)}`,
    style,
    minHeight: '8px',
    items: [],
  });
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [column(percent, 'good'), column(100 - percent, 'emphasis')].filter((c) => c.width !== '0'),
  };
}
