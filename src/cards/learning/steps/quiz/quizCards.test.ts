import { describe, expect, it } from 'vitest';
import { quizCard, quizResultCard } from './quizCard.ts';
import { reviewQuestionCard, reviewResultCard } from './reviewCards.ts';
import { AnswerQuizDataSchema } from '../stepActionSchemas.ts';
import * as f from '../stepCardFixtures.ts';

describe('quiz and review cards', () => {
  it('a quiz asks each question as choices that keep what was chosen, with an inline error', () => {
    const json = quizCard(f.ctx, f.quiz, {
      attempt: 2,
      error: 'Choose an answer for every question',
      selected: { tools: [0, 2] },
    });
    const [first, second] = f.inputs(json);
    expect(first).toMatchObject({
      type: 'Input.ChoiceSet',
      id: 'q_purpose',
      style: 'expanded',
      isMultiSelect: false,
    });
    expect(first?.value).toBeUndefined();
    expect(first?.choices).toEqual([
      { title: 'Purpose', value: '0' },
      { title: 'Coffee', value: '1' },
    ]);
    expect(second).toMatchObject({ id: 'q_tools', isMultiSelect: true, value: '0,2' });
    expect(f.nodes(json).find((n) => n.text === 'Choose an answer for every question')?.color).toBe(
      'Attention',
    );
    expect(f.text(json)).toContain('Attempt 2 of 3');
    expect(json.actions?.[0]).toMatchObject({ verb: 'answerQuiz', data: { ...f.actionData, attempt: 2 } });
    expect(f.text(quizCard(f.ctx, f.quiz, { attempt: 1 }))).not.toContain('Attempt');
  });

  it("the quiz button's data with the answers merged in is what the answerQuiz schema accepts", () => {
    const data = {
      ...(quizCard(f.ctx, f.quiz).actions?.[0]?.data as object),
      q_purpose: '0',
      q_tools: '0,1',
    };
    expect(AnswerQuizDataSchema.parse(data)).toMatchObject({ attempt: 1, q_tools: '0,1' });
  });

  it('a quiz result has no inputs, marks each answer, shows the choice, feedback and score, and offers a retry', () => {
    const json = quizResultCard(f.ctx, f.quiz, f.quizResult);
    expect(f.inputs(json)).toEqual([]);
    const all = f.text(json);
    expect(all).toContain('You scored 1 of 2 (50%) — not passed');
    expect(all).toContain('✓ What comes first?');
    expect(all).toContain('✗ Which help?');
    expect(all).toContain('You chose: Agenda; Noise');
    expect(all).toContain('About Noise');
    expect(all).toContain('You have 2 attempts left.');
    expect(all).toContain(f.ctx.t.step.quiz.reviewLater);
    expect(json.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Try again',
        verb: 'retryQuiz',
        data: { ...f.actionData, attempt: 2 },
      },
    ]);
  });

  it('no retry once passed or out of attempts, and no review note when all were right or it is off', () => {
    const passed = quizResultCard(f.ctx, f.quiz, {
      ...f.quizResult,
      passed: true,
      score: 2,
      reviewLater: false,
    });
    expect(f.text(passed)).toContain('You scored 2 of 2 (100%) — passed');
    expect(passed.actions).toBeUndefined();
    const spent = quizResultCard(f.ctx, f.quiz, { ...f.quizResult, attempt: 3, attemptsLeft: 0 });
    expect(spent.actions).toBeUndefined();
    expect(f.text(spent)).toContain('You have used all your attempts.');
    expect(f.text(quizResultCard(f.ctx, f.quiz, { ...f.quizResult, reviewLater: false }))).not.toContain(
      'come back',
    );
  });

  it('a review question comes back on its own and its answer names the question and review number', () => {
    const json = reviewQuestionCard(f.ctx, f.multiple, 2);
    expect(f.text(json)).toContain('You missed this one last time — try again');
    expect(f.inputs(json).map((i) => i.id)).toEqual(['q_tools']);
    expect(json.actions?.[0]).toMatchObject({
      verb: 'answerReview',
      data: { ...f.actionData, questionId: 'tools', reviewNumber: 2 },
    });
    const done = reviewResultCard(f.ctx, f.multiple, true, ['About Agenda'], false);
    expect(f.inputs(done)).toEqual([]);
    expect(f.text(done)).toContain('About Agenda');
    expect(f.text(done)).toContain(f.ctx.t.step.review.learned);
    expect(f.text(reviewResultCard(f.ctx, f.multiple, false, [], true))).toContain(
      f.ctx.t.step.review.comesBackAgain,
    );
  });
});
