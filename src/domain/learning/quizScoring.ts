// Scoring quiz answers and reading them from an Adaptive Card submission. Pure.
import type { LocalizedText, QuizQuestion, QuizStep } from './program.ts';

export interface OptionFeedback {
  /** Index of a chosen option. */
  option: number;
  /** The option's feedback; undefined for an index the question does not have. */
  text: LocalizedText | undefined;
  /** Whether this option is one of the right ones, i.e. chosen rightly. */
  correct: boolean;
}

export interface QuestionResult {
  correct: boolean;
  /** One entry per chosen option, in option order. */
  feedback: OptionFeedback[];
}

/**
 * Right when the chosen options are exactly the correct ones: the one correct option for a
 * single-choice question, the whole set (no more, no fewer) for a multiple-choice one.
 */
export function scoreQuestion(question: QuizQuestion, selected: number[]): QuestionResult {
  const chosen = uniqueSorted(selected);
  const rightOnes = question.options.flatMap((o, i) => (o.correct ? [i] : []));
  const correct = chosen.length === rightOnes.length && chosen.every((c, i) => c === rightOnes[i]);
  const feedback = chosen.map((option) => {
    const found = question.options[option];
    return { option, text: found?.feedback, correct: found?.correct ?? false };
  });
  return { correct, feedback };
}

export interface QuizResult {
  /** Share of all questions answered right, 0..1. */
  score: number;
  passed: boolean;
  /** Answered, but wrongly: these come back under spaced repetition. */
  wrongQuestionIds: string[];
  /** No answer given; counted as not right in the score. */
  unanswered: string[];
}

export function scoreQuiz(
  step: Pick<QuizStep, 'questions' | 'passMark'>,
  answers: Record<string, number[]>,
): QuizResult {
  const wrongQuestionIds: string[] = [];
  const unanswered: string[] = [];
  let right = 0;
  for (const question of step.questions) {
    const selected = answers[question.id];
    if (selected === undefined || selected.length === 0) unanswered.push(question.id);
    else if (scoreQuestion(question, selected).correct) right++;
    else wrongQuestionIds.push(question.id);
  }
  const total = step.questions.length;
  const score = total === 0 ? 0 : right / total;
  // A small tolerance, so that 4 of 5 passes a pass mark written as 0.8.
  const passed = total > 0 && right >= step.passMark * total - 1e-9;
  return { score, passed, wrongQuestionIds, unanswered };
}

export type QuizSubmission =
  { ok: true; answers: Record<string, number[]> } | { ok: false; missing: string[] };

/**
 * Reads the answers from an Adaptive Card submission, keyed by question id. Input.ChoiceSet sends
 * its value as a string: '2', or '0,2' from a multi-select. Every question needs an answer; an empty
 * value, an option the question does not have, or more than one option for a single-choice
 * question counts as missing, so the card can ask again and keep what was chosen.
 */
export function validateQuizSubmission(step: QuizStep, raw: Record<string, unknown>): QuizSubmission {
  const answers: Record<string, number[]> = {};
  const missing: string[] = [];
  for (const question of step.questions) {
    const chosen = parseChoices(raw[question.id], question.options.length);
    if (chosen === undefined || (question.type === 'single' && chosen.length !== 1))
      missing.push(question.id);
    else answers[question.id] = chosen;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, answers };
}

/** Option indexes from '0,2', a number or an array of either; undefined when empty or invalid. */
function parseChoices(value: unknown, optionCount: number): number[] | undefined {
  const parts =
    typeof value === 'string'
      ? value.split(',')
      : typeof value === 'number'
        ? [String(value)]
        : Array.isArray(value)
          ? value.map(String)
          : [];
  const tokens = parts.map((p) => p.trim()).filter((p) => p !== '');
  if (tokens.length === 0) return undefined;
  const indexes: number[] = [];
  for (const token of tokens) {
    if (!/^\d+$/.test(token)) return undefined;
    const index = Number(token);
    if (index >= optionCount) return undefined;
    indexes.push(index);
  }
  return uniqueSorted(indexes);
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
