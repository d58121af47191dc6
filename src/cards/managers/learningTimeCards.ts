import {
  LEARNING_TIME_LIMITS,
  OTHER_PURPOSE,
  type LearningTimeRequest,
} from '../../domain/managers/learningTimeRequest.ts';
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

/** The learner's form: what they typed comes back with the problems, so nothing typed is lost. */
export interface LearningTimeFormView {
  formId: string;
  today: string;
  programs: Array<{ id: string; title: string }>;
  values?: { date?: string; minutes?: string; programId?: string; text?: string };
  problems?: Partial<Record<'date' | 'minutes' | 'purpose', string>>;
}

const error = (text: string | undefined): CardElement[] =>
  text ? [paragraph(text, { color: 'Attention', spacing: 'None', size: 'Small' })] : [];

/** "request learning time": day, minutes, and what for (one of their programs or a line of text). */
export function learningTimeFormCard(t: Messages, view: LearningTimeFormView): AdaptiveCard {
  const m = t.managers.learningTime;
  const v = view.values ?? {};
  const p = view.problems ?? {};
  return card(
    [
      heading(m.formTitle),
      paragraph(m.formIntro),
      {
        type: 'Input.Date',
        id: managerInputIds.date,
        label: m.date,
        min: view.today,
        isRequired: true,
        errorMessage: t.managers.learningTime.problems.dateMissing,
        ...(v.date ? { value: v.date } : {}),
      },
      ...error(p.date),
      {
        type: 'Input.Number',
        id: managerInputIds.minutes,
        label: m.minutes,
        placeholder: m.minutesPlaceholder,
        min: LEARNING_TIME_LIMITS.minMinutes,
        max: LEARNING_TIME_LIMITS.maxMinutes,
        isRequired: true,
        errorMessage: m.problems.minutesOutOfRange(
          LEARNING_TIME_LIMITS.minMinutes,
          LEARNING_TIME_LIMITS.maxMinutes,
        ),
        ...(v.minutes ? { value: v.minutes } : {}),
      },
      ...error(p.minutes),
      {
        type: 'Input.ChoiceSet',
        id: managerInputIds.programId,
        label: m.purpose,
        style: 'compact',
        value: v.programId ?? view.programs[0]?.id ?? OTHER_PURPOSE,
        choices: [
          ...view.programs.map((program) => ({ title: program.title, value: program.id })),
          { title: m.otherPurpose, value: OTHER_PURPOSE },
        ],
      },
      {
        type: 'Input.Text',
        id: managerInputIds.text,
        label: m.purposeText,
        placeholder: m.purposeTextPlaceholder,
        maxLength: LEARNING_TIME_LIMITS.purposeMaxLength,
        ...(v.text ? { value: v.text } : {}),
      },
      ...error(p.purpose),
    ],
    [executeButton(m.send, managerCardVerbs.requestLearningTime, { formId: view.formId })],
  );
}

/** What a learning-time card shows about the request, in the reader's language. */
export interface LearningTimeSummary {
  request: LearningTimeRequest;
  learnerName: string;
  deciderName?: string;
  /** Formatted day, e.g. "Friday 12 December". */
  dateLabel: string;
  /** The program's title, or the learner's own line. */
  purposeLabel: string;
}

function facts(t: Messages, s: LearningTimeSummary): CardElement[] {
  const m = t.managers.learningTime;
  return [
    paragraph(m.summary(s.dateLabel, s.request.minutes), { weight: 'Bolder' }),
    // The learner's own words are shown as typed, never as Markdown.
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: m.forPurpose(s.purposeLabel) }] },
  ];
}

const refresh = (requestId: string) => ({
  action: executeButton('', managerCardVerbs.showLearningTime, { requestId }),
});

/**
 * To the manager. Pending: approve or deny with an optional comment. Settled (here or in the tab):
 * the decision, with no buttons. The refresh action makes Teams show the current state when the
 * card is opened, so a decision in the tab reaches the card too.
 */
export function managerLearningTimeCard(t: Messages, s: LearningTimeSummary, note?: string): AdaptiveCard {
  const m = t.managers.learningTime;
  const { request } = s;
  const body: CardElement[] = [heading(m.managerTitle(s.learnerName)), ...facts(t, s)];
  if (request.status === 'pending') {
    const built = card(
      [
        ...body,
        paragraph(m.managerIntro, { isSubtle: true }),
        {
          type: 'Input.Text',
          id: managerInputIds.comment,
          label: m.comment,
          placeholder: m.commentPlaceholder,
          isMultiline: true,
          maxLength: LEARNING_TIME_LIMITS.commentMaxLength,
        },
        ...error(note),
      ],
      [
        executeButton(m.approve, managerCardVerbs.decideLearningTime, {
          requestId: request.id,
          verdict: 'approve',
        }),
        executeButton(m.deny, managerCardVerbs.decideLearningTime, {
          requestId: request.id,
          verdict: 'deny',
        }),
      ],
    );
    return { ...built, refresh: refresh(request.id) };
  }
  return { ...card([...body, ...settled(t, s), ...error(note)]), refresh: refresh(request.id) };
}

function settled(t: Messages, s: LearningTimeSummary): CardElement[] {
  const m = t.managers.learningTime;
  const { request } = s;
  const status = m.status[request.status];
  const decided = request.status === 'approved' || request.status === 'denied';
  return [
    paragraph(decided ? m.decidedBy(status, s.deciderName ?? '') : status, {
      weight: 'Bolder',
      color: request.status === 'approved' ? 'Good' : request.status === 'denied' ? 'Attention' : 'Default',
    }),
    ...(request.decidedIn === 'tab' ? [paragraph(m.decidedInTab, { isSubtle: true, size: 'Small' })] : []),
    ...(request.comment
      ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: request.comment, italic: true }] }]
      : []),
  ];
}

/** To the learner: the answer, the manager's comment, and whether the time is in their calendar. */
export function learnerLearningTimeCard(t: Messages, s: LearningTimeSummary): AdaptiveCard {
  const m = t.managers.learningTime;
  const { request } = s;
  const approved = request.status === 'approved';
  return card([
    heading(approved ? m.learnerApprovedTitle : m.learnerDeniedTitle),
    ...facts(t, s),
    ...(approved ? [paragraph(request.booking === 'booked' ? m.booked : m.notBooked)] : []),
    ...(request.comment
      ? [
          paragraph(m.managerComment(s.deciderName ?? ''), { isSubtle: true }),
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: request.comment, italic: true }] },
        ]
      : []),
  ]);
}

/** Replaces the learner's form once sent: what they asked for, and who decides. */
export function learningTimeSentCard(t: Messages, s: LearningTimeSummary, managerName: string): AdaptiveCard {
  const m = t.managers.learningTime;
  return card([heading(m.sentTitle), ...facts(t, s), paragraph(m.sentBody(managerName))]);
}
