import type { Step } from '../../src/domain/learning/program.ts';
import { quizInputId, stepInputIds } from '../../src/cards/learning/steps/stepActionSchemas.ts';
import { messagesFor } from '../../src/messages/catalog.ts';

/** The answers people feel: each changes something that is stored. */
export type AnswerKind = 'lesson' | 'quiz' | 'reflection' | 'acknowledgement';
export const answerKinds: readonly AnswerKind[] = ['lesson', 'quiz', 'reflection', 'acknowledgement'];

export interface PlannedAnswer {
  kind: AnswerKind;
  who: { tenantId: string; userId: string };
  verb: string;
  /** The button's data as the card carries it, with the inputs merged in, as Action.Execute does. */
  data: Record<string, unknown>;
  /** Text Drypp's answer (the card that replaces the one clicked) must contain. */
  expect: string;
}

export interface ExecuteAction {
  verb: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute button of a card, wherever it sits (actions, action sets, containers). */
export function executeActions(card: unknown): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute' && typeof element.verb === 'string') {
      found.push({ verb: element.verb, data: (element.data ?? {}) as Record<string, unknown> });
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

const t = messagesFor('en');

export function answerKindOf(step: Step): AnswerKind | undefined {
  const kinds: Partial<Record<Step['kind'], AnswerKind>> = {
    lesson: 'lesson',
    quiz: 'quiz',
    reflection: 'reflection',
    acknowledge: 'acknowledgement',
  };
  return kinds[step.kind];
}

/**
 * What a person answers on the card a step sent, and what Drypp must say back: the lesson marked
 * done, every quiz question answered (right, except one question of the second quiz, which then
 * comes back later by spaced repetition), a reflection of a few sentences, the guideline confirmed.
 */
export function answerFor(
  step: Step,
  card: unknown,
  who: { tenantId: string; userId: string },
): PlannedAnswer | undefined {
  const button = executeActions(card)[0];
  if (!button) return undefined;
  const answer = (kind: AnswerKind, inputs: Record<string, string>, expect: string): PlannedAnswer => ({
    kind,
    who,
    verb: button.verb,
    data: { ...button.data, ...inputs },
    expect,
  });
  switch (step.kind) {
    case 'lesson':
      return answer('lesson', {}, t.step.done);
    case 'quiz': {
      const inputs: Record<string, string> = {};
      let right = 0;
      step.questions.forEach((q, i) => {
        const answerWrong = step.id.endsWith('-2') && i === step.questions.length - 1;
        const option = q.options.findIndex((o) => (answerWrong ? !o.correct : o.correct));
        inputs[quizInputId(q.id)] = String(option);
        if (!answerWrong) right++;
      });
      const total = step.questions.length;
      const percent = Math.round((right / total) * 100);
      return answer(
        'quiz',
        inputs,
        t.step.quiz.scored(right, total, percent, right / total >= step.passMark),
      );
    }
    case 'reflection':
      return answer(
        'reflection',
        {
          [stepInputIds.reflection]: `I will lock my screen and ask before I share a document. (${who.userId.slice(-4)})`,
          [stepInputIds.shareWithManager]: 'false',
        },
        t.step.reflection.saved,
      );
    case 'acknowledge': {
      // "You confirmed on <date> that you have read and understood version 1.0.": the part after the date.
      const marker = '\u0000';
      const expect = t.step.acknowledge.confirmed(step.textVersion, marker).split(marker)[1]!;
      return answer('acknowledgement', {}, expect);
    }
    default:
      return undefined;
  }
}
