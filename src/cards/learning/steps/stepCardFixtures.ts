// Test data and helpers for the step card tests. Not imported by product code.
import * as AC from 'adaptivecards';
import {
  AcknowledgeStepSchema,
  EventStepSchema,
  LessonStepSchema,
  QuizStepSchema,
  ReflectionStepSchema,
  SelfAssessmentStepSchema,
} from '../../../domain/learning/program.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { Language } from '../../../domain/platform/language.ts';
import type { AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { acknowledgeCard, acknowledgedCard } from './acknowledgeCard.ts';
import { programCompletedCard, stepDoneCard } from './completionCards.ts';
import { attendanceConfirmedCard, eventCard } from './eventCard.ts';
import { lessonCard } from './lessonCard.ts';
import { outdatedCard, type OutdatedReason } from './outdatedCard.ts';
import { quizCard, quizResultCard } from './quiz/quizCard.ts';
import { reflectionCard, reflectionSavedCard } from './reflectionCard.ts';
import { reviewQuestionCard, reviewResultCard } from './quiz/reviewCards.ts';
import type { StepCardContext } from './stepCardContext.ts';
import { selfAssessmentCard, selfAssessmentSavedCard } from './selfAssessmentCard.ts';
import { pulseElement } from './pulseParts.ts';
import { card } from '../../platform/adaptiveCard.ts';

/** Parses a card with Microsoft's Adaptive Cards SDK and returns what it complained about. */
export function parseErrors(json: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) errors.push(event.message);
  return errors;
}

export type Node = Record<string, unknown>;
/** Every element and action in the card, depth first. */
export function nodes(json: unknown): Node[] {
  if (Array.isArray(json)) return json.flatMap(nodes);
  if (typeof json !== 'object' || json === null) return [];
  const node = json as Node;
  const children = ['body', 'items', 'columns', 'actions', 'inlines'].flatMap((k) => nodes(node[k]));
  return [...(typeof node.type === 'string' ? [node] : []), ...children];
}
export const ofType = (json: unknown, type: string) => nodes(json).filter((n) => n.type === type);
export const inputs = (json: unknown) => nodes(json).filter((n) => String(n.type).startsWith('Input.'));
export const text = (json: unknown) => JSON.stringify(json);

export const l = (en: string, nb = `${en} (nb)`) => ({ en, nb });
export const ctxFor = (language: Language, extra: Partial<StepCardContext> = {}): StepCardContext => ({
  t: messagesFor(language),
  language,
  programId: 'leading-digital',
  programVersion: 2,
  programTitle: 'Leading in a digital workplace',
  stepId: 'week-3',
  stepNumber: 3,
  totalSteps: 10,
  learnerId: 'aad-oid-1',
  mandatory: true,
  minutes: 5,
  dueLabel: '27 November',
  ...extra,
});
export const ctx = ctxFor('en');
export const actionData = {
  programId: 'leading-digital',
  programVersion: 2,
  stepId: 'week-3',
  learnerId: 'aad-oid-1',
};

export const base = { id: 'week-3', title: l('Meetings that work'), minutes: 5, due: { offsetDays: 0 } };
export const lesson = LessonStepSchema.parse({
  ...base,
  kind: 'lesson',
  body: l('Start **every** meeting with its purpose.'),
  image: { url: 'https://example.org/a.png', alt: l('A team around a table') },
  video: { url: 'https://example.org/v', transcriptUrl: 'https://example.org/t' },
  link: { url: 'https://example.org/more', label: l('Read more') },
});
export const option = (text: string, correct = false) => ({
  text: l(text),
  correct,
  feedback: l(`About ${text}`),
});
export const quiz = QuizStepSchema.parse({
  ...base,
  kind: 'quiz',
  allowedAttempts: 3,
  passMark: 0.75,
  questions: [
    {
      id: 'purpose',
      type: 'single',
      prompt: l('What comes first?'),
      options: [option('Purpose', true), option('Coffee')],
    },
    {
      id: 'tools',
      type: 'multiple',
      prompt: l('Which help?'),
      options: [option('Agenda', true), option('Notes', true), option('Noise')],
    },
  ],
});
export const [single, multiple] = quiz.questions as [(typeof quiz.questions)[0], (typeof quiz.questions)[0]];
export const reflection = ReflectionStepSchema.parse({
  ...base,
  kind: 'reflection',
  prompt: l('What will you try?'),
  maxLength: 500,
});
export const privateReflection = { ...reflection, shareWithManager: false };
export const acknowledge = AcknowledgeStepSchema.parse({
  ...base,
  kind: 'acknowledge',
  text: l('Lock your screen.'),
  textVersion: 3,
});
export const event = EventStepSchema.parse({
  ...base,
  kind: 'event',
  description: l('A live session'),
  when: '2025-09-01T09:00',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  confirmedBy: 'self',
});
export const facilitatedEvent = {
  ...event,
  confirmedBy: 'facilitator' as const,
  meetingUrl: undefined,
  where: l('Room 4'),
};
export const selfAssessment = SelfAssessmentStepSchema.parse({
  ...base,
  id: 'before',
  kind: 'self-assessment',
  phase: 'before',
  statements: [
    { id: 'tools', text: l('I know which tools to use') },
    { id: 'help', text: l('I know where to get help') },
  ],
});
export const quizResult = {
  score: 1,
  passed: false,
  attempt: 1,
  attemptsLeft: 2,
  reviewLater: true,
  perQuestion: [
    { questionId: 'purpose', correct: true, chosen: [0], feedback: ['About Purpose'] },
    { questionId: 'tools', correct: false, chosen: [0, 2], feedback: ['About Agenda', 'About Noise'] },
  ],
};
export const reasons: OutdatedReason[] = ['alreadyDone', 'oldVersion', 'notYours', 'notActive', 'unknown'];

/** One of each step card, with every optional part present, for the parser check. */
export function allStepCards(language: Language): [string, AdaptiveCard][] {
  const c = ctxFor(language, { reminder: 1 });
  const t = c.t;
  return [
    ['lesson', lessonCard(c, lesson)],
    ['quiz', quizCard(c, quiz, { attempt: 2, error: t.step.quiz.chooseAnswer, selected: { tools: [0, 1] } })],
    ['quiz result', quizResultCard(c, quiz, quizResult)],
    ['review', reviewQuestionCard(c, multiple, 1, { error: t.step.quiz.chooseAnswer })],
    ['review result', reviewResultCard(c, single, false, ['About Coffee'], true)],
    [
      'reflection',
      reflectionCard(c, reflection, { error: t.step.reflection.tooLong(600, 500), text: 'x', share: true }),
    ],
    ['reflection saved', reflectionSavedCard(c, reflection, '**not bold**', true)],
    ['acknowledge', acknowledgeCard(c, acknowledge)],
    ['acknowledged', acknowledgedCard(c, acknowledge, '2 December')],
    ['event', eventCard(c, event)],
    ['facilitated event', eventCard(c, facilitatedEvent)],
    ['attendance confirmed', attendanceConfirmedCard(c, event)],
    ['step done', stepDoneCard(c, 'Meetings that work', 'Nice')],
    [
      'self-assessment',
      selfAssessmentCard(c, selfAssessment, {
        error: t.effect.selfAssessment.missing(1),
        kept: { tools: 4 },
      }),
    ],
    ['self-assessment saved', selfAssessmentSavedCard(c, selfAssessment, { tools: 4, help: 2 })],
    ['pulse', card([pulseElement(c)])],
    ['program completed', programCompletedCard(t, 'Leading in a digital workplace')],
    ...reasons.map((r): [string, AdaptiveCard] => [`outdated ${r}`, outdatedCard(t, r)]),
  ];
}
