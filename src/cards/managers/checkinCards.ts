import type { CheckinStep } from '../../domain/learning/program.ts';
import { textFor } from '../../domain/learning/program.ts';
import {
  checkinQuestion,
  CHECKIN_COMMENT_MAX_LENGTH,
  type CheckinAnswer,
} from '../../domain/managers/checkin.ts';
import type { Messages } from '../../messages/catalog.ts';
import {
  card,
  executeButton,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../platform/adaptiveCard.ts';
import { managerCardVerbs } from '../platform/cardVerbs.ts';
import { managerInputIds } from './managerActionSchemas.ts';

export interface CheckinCardView {
  t: Messages;
  language: string;
  step: CheckinStep;
  programTitle: string;
  learnerName: string;
  ref: { learnerId: string; programId: string; programVersion: number; stepId: string };
  error?: string;
  values?: { option?: string; comment?: string };
}

/** To the manager: "How is Maja doing after her second week?" with the step's answers and a comment. */
export function checkinCard(view: CheckinCardView): AdaptiveCard {
  const { t, step } = view;
  const m = t.managers.checkin;
  const comment: CardElement[] = step.allowComment
    ? [
        {
          type: 'Input.Text',
          id: managerInputIds.checkinComment,
          label: m.comment,
          isMultiline: true,
          maxLength: CHECKIN_COMMENT_MAX_LENGTH,
          ...(view.values?.comment ? { value: view.values.comment } : {}),
        },
      ]
    : [];
  return card(
    [
      paragraph(m.kicker(view.programTitle), { isSubtle: true, size: 'Small' }),
      heading(checkinQuestion(textFor(step.question, view.language), view.learnerName)),
      {
        type: 'Input.ChoiceSet',
        id: managerInputIds.checkinOption,
        label: m.choose,
        style: 'expanded',
        isRequired: true,
        errorMessage: m.noOption,
        choices: step.options.map((o, i) => ({ title: textFor(o, view.language), value: String(i) })),
        ...(view.values?.option !== undefined ? { value: view.values.option } : {}),
      },
      ...comment,
      ...(view.error ? [paragraph(view.error, { color: 'Attention', size: 'Small' })] : []),
    ],
    [executeButton(m.send, managerCardVerbs.answerCheckin, { ...view.ref })],
  );
}

/** Replaces the check-in card once answered: the question, the answer, read-only. */
export function checkinAnsweredCard(
  view: CheckinCardView,
  answer: CheckinAnswer,
  note: string,
): AdaptiveCard {
  const { t, step } = view;
  const option = step.options[answer.option];
  return card([
    paragraph(t.managers.checkin.kicker(view.programTitle), { isSubtle: true, size: 'Small' }),
    heading(checkinQuestion(textFor(step.question, view.language), view.learnerName)),
    paragraph(option ? textFor(option, view.language) : '', { weight: 'Bolder' }),
    ...(answer.comment
      ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: answer.comment, italic: true }] }]
      : []),
    paragraph(note, { isSubtle: true }),
  ]);
}
