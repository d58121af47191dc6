import { describe, expect, it } from 'vitest';
import {
  afterReviewAnswer,
  dueReviews,
  nextReviewAt,
  startReview,
  type ReviewState,
} from './spacedRepetition.ts';

const at = (iso: string) => new Date(iso);
const wrongAt = at('2026-01-14T10:00:00Z');

describe('nextReviewAt', () => {
  it('brings a question back after 2, then 7, then 16 days', () => {
    expect(nextReviewAt(wrongAt, 1).toISOString()).toBe('2026-01-16T10:00:00.000Z');
    expect(nextReviewAt(wrongAt, 2).toISOString()).toBe('2026-01-21T10:00:00.000Z');
    expect(nextReviewAt(wrongAt, 3).toISOString()).toBe('2026-01-30T10:00:00.000Z');
  });

  it('keeps the last interval after that', () => {
    expect(nextReviewAt(wrongAt, 4).toISOString()).toBe('2026-01-30T10:00:00.000Z');
    expect(nextReviewAt(wrongAt, 10, [1, 3]).toISOString()).toBe('2026-01-17T10:00:00.000Z');
  });

  it('uses the intervals given', () => {
    expect(nextReviewAt(wrongAt, 1, [1, 3]).toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(nextReviewAt(wrongAt, 2, [1, 3]).toISOString()).toBe('2026-01-17T10:00:00.000Z');
  });

  it('treats zero or fewer times wrong as the first time, and refuses no intervals', () => {
    expect(nextReviewAt(wrongAt, 0).toISOString()).toBe('2026-01-16T10:00:00.000Z');
    expect(() => nextReviewAt(wrongAt, 1, [])).toThrow(/interval/);
  });
});

describe('review state', () => {
  it('starts a review after the first wrong answer', () => {
    expect(startReview('q1', wrongAt)).toEqual({
      questionId: 'q1',
      timesWrong: 1,
      dueAt: at('2026-01-16T10:00:00Z'),
    });
  });

  it('ends the review when the question is answered right', () => {
    expect(afterReviewAnswer(startReview('q1', wrongAt), true, at('2026-01-16T11:00:00Z'))).toEqual({
      done: true,
    });
  });

  it('brings the question back after the next interval, counted from the new answer, when wrong again', () => {
    const second = afterReviewAnswer(startReview('q1', wrongAt), false, at('2026-01-16T11:00:00Z'));
    expect(second).toEqual({ done: false, timesWrong: 2, dueAt: at('2026-01-23T11:00:00Z') });
    const third = afterReviewAnswer(
      { questionId: 'q1', timesWrong: 2, dueAt: at('2026-01-23T11:00:00Z') },
      false,
      at('2026-01-23T12:00:00Z'),
    );
    expect(third).toEqual({ done: false, timesWrong: 3, dueAt: at('2026-02-08T12:00:00Z') });
  });

  it('lists the reviews due now, earliest first', () => {
    const review = (questionId: string, dueAt: string): ReviewState => ({
      questionId,
      timesWrong: 1,
      dueAt: at(dueAt),
    });
    const states = [
      review('later', '2026-01-20T00:00:00Z'),
      review('now', '2026-01-16T10:00:00Z'),
      review('earlier', '2026-01-15T10:00:00Z'),
    ];
    expect(dueReviews(states, at('2026-01-16T10:00:00Z')).map((s) => s.questionId)).toEqual([
      'earlier',
      'now',
    ]);
  });
});
