import { describe, expect, it } from 'vitest';
import { QuizStepSchema, type QuizQuestion, type QuizStep } from './program.ts';
import { scoreQuestion, scoreQuiz, validateQuizSubmission } from './quizScoring.ts';

const en = (text: string) => ({ en: text });
const option = (text: string, correct = false) => ({
  text: en(text),
  correct,
  feedback: en(`about ${text}`),
});

/** q-single: option 1 is right. q-multi: options 0 and 2 are right. */
function quiz(overrides: { passMark?: number } = {}): QuizStep {
  return QuizStepSchema.parse({
    id: 'quiz',
    kind: 'quiz',
    minutes: 2,
    due: { offsetDays: 0 },
    title: en('Quiz'),
    questions: [
      {
        id: 'q-single',
        type: 'single',
        prompt: en('One'),
        options: [option('a'), option('b', true), option('c')],
      },
      {
        id: 'q-multi',
        type: 'multiple',
        prompt: en('Some'),
        options: [option('x', true), option('y'), option('z', true)],
      },
    ],
    ...overrides,
  });
}

const question = (id: string): QuizQuestion => quiz().questions.find((q) => q.id === id)!;

describe('scoreQuestion', () => {
  it('counts a single-choice question right only for the correct option', () => {
    expect(scoreQuestion(question('q-single'), [1]).correct).toBe(true);
    expect(scoreQuestion(question('q-single'), [0]).correct).toBe(false);
    expect(scoreQuestion(question('q-single'), [1, 2]).correct).toBe(false);
    expect(scoreQuestion(question('q-single'), []).correct).toBe(false);
  });

  it('counts a multiple-choice question right only for exactly the set of correct options', () => {
    expect(scoreQuestion(question('q-multi'), [2, 0]).correct).toBe(true);
    expect(scoreQuestion(question('q-multi'), [0, 0, 2]).correct).toBe(true);
    expect(scoreQuestion(question('q-multi'), [0]).correct).toBe(false);
    expect(scoreQuestion(question('q-multi'), [0, 1, 2]).correct).toBe(false);
  });

  it('gives the feedback of every chosen option and whether it was chosen rightly', () => {
    expect(scoreQuestion(question('q-multi'), [1, 0]).feedback).toEqual([
      { option: 0, text: { en: 'about x' }, correct: true },
      { option: 1, text: { en: 'about y' }, correct: false },
    ]);
  });

  it('gives no feedback text for an option the question does not have', () => {
    const result = scoreQuestion(question('q-single'), [7]);
    expect(result).toEqual({ correct: false, feedback: [{ option: 7, text: undefined, correct: false }] });
  });
});

describe('scoreQuiz', () => {
  it('scores the share of questions right and passes at the pass mark', () => {
    const allRight = scoreQuiz(quiz(), { 'q-single': [1], 'q-multi': [0, 2] });
    expect(allRight).toEqual({ score: 1, passed: true, wrongQuestionIds: [], unanswered: [] });
    const half = scoreQuiz(quiz({ passMark: 0.5 }), { 'q-single': [1], 'q-multi': [0] });
    expect(half).toEqual({ score: 0.5, passed: true, wrongQuestionIds: ['q-multi'], unanswered: [] });
    const failed = scoreQuiz(quiz(), { 'q-single': [1], 'q-multi': [0] });
    expect(failed.passed).toBe(false); // default pass mark 0.8
  });

  it('lists unanswered questions apart from wrong ones and scores them as not right', () => {
    const result = scoreQuiz(quiz(), { 'q-single': [0], 'q-multi': [] });
    expect(result).toEqual({
      score: 0,
      passed: false,
      wrongQuestionIds: ['q-single'],
      unanswered: ['q-multi'],
    });
    expect(scoreQuiz(quiz(), {}).unanswered).toEqual(['q-single', 'q-multi']);
  });

  it('passes exactly at a pass mark written as a decimal', () => {
    const step = { ...quiz({ passMark: 0.8 }) };
    const five = Array.from({ length: 5 }, (_, i) => ({ ...step.questions[0]!, id: `q${i}` }));
    const answers = { q0: [1], q1: [1], q2: [1], q3: [1], q4: [0] };
    expect(scoreQuiz({ ...step, questions: five }, answers)).toMatchObject({ score: 0.8, passed: true });
  });
});

describe('validateQuizSubmission', () => {
  it("parses Input.ChoiceSet values: '1' and a multi-select '0,2'", () => {
    expect(validateQuizSubmission(quiz(), { 'q-single': '1', 'q-multi': '0,2' })).toEqual({
      ok: true,
      answers: { 'q-single': [1], 'q-multi': [0, 2] },
    });
  });

  it('tolerates spaces, repeats and order, numbers and arrays', () => {
    expect(validateQuizSubmission(quiz(), { 'q-single': 1, 'q-multi': ' 2, 0 ,2' })).toEqual({
      ok: true,
      answers: { 'q-single': [1], 'q-multi': [0, 2] },
    });
    expect(validateQuizSubmission(quiz(), { 'q-single': ['1'], 'q-multi': [2, '0'] })).toMatchObject({
      ok: true,
    });
  });

  it('reports every question with no choice in an empty submission', () => {
    expect(validateQuizSubmission(quiz(), {})).toEqual({ ok: false, missing: ['q-single', 'q-multi'] });
    expect(validateQuizSubmission(quiz(), { 'q-single': '', 'q-multi': ' , ' })).toEqual({
      ok: false,
      missing: ['q-single', 'q-multi'],
    });
  });

  it('reports only the question left empty', () => {
    expect(validateQuizSubmission(quiz(), { 'q-single': '1' })).toEqual({ ok: false, missing: ['q-multi'] });
  });

  it('treats an option out of range, junk or two choices for a single-choice question as missing', () => {
    expect(validateQuizSubmission(quiz(), { 'q-single': '3', 'q-multi': '0' })).toEqual({
      ok: false,
      missing: ['q-single'],
    });
    expect(validateQuizSubmission(quiz(), { 'q-single': '1', 'q-multi': '0,-1' })).toEqual({
      ok: false,
      missing: ['q-multi'],
    });
    expect(validateQuizSubmission(quiz(), { 'q-single': '1.0', 'q-multi': { a: 1 } })).toEqual({
      ok: false,
      missing: ['q-single', 'q-multi'],
    });
    expect(validateQuizSubmission(quiz(), { 'q-single': '0,1', 'q-multi': '0' })).toEqual({
      ok: false,
      missing: ['q-single'],
    });
  });
});
