import { describe, expect, it } from 'vitest';
import {
  AcknowledgeDataSchema,
  AnswerQuizDataSchema,
  AnswerReviewDataSchema,
  CompleteStepDataSchema,
  SubmitReflectionDataSchema,
  cardDataLimits,
  readQuizAnswers,
} from './stepActionSchemas.ts';

const base = {
  programId: 'p',
  programVersion: 1,
  stepId: 's',
  learnerId: '0f0e0d0c-0000-4000-8000-000000000001',
};

describe('step action schemas', () => {
  it('require the data that says who may act and which card this is', () => {
    expect(CompleteStepDataSchema.safeParse(base).success).toBe(true);
    for (const key of Object.keys(base)) {
      const { [key]: _dropped, ...rest } = base as Record<string, unknown>;
      expect(CompleteStepDataSchema.safeParse(rest).success, key).toBe(false);
    }
    expect(CompleteStepDataSchema.safeParse({ ...base, programVersion: '1' }).success).toBe(false);
  });

  it('keep the input values Action.Execute merges into the data', () => {
    const parsed = AnswerQuizDataSchema.parse({ ...base, attempt: 1, q_purpose: '0' });
    expect(parsed.q_purpose).toBe('0');
    expect(parsed.choices).toEqual({ purpose: [0] });
    expect(AnswerQuizDataSchema.safeParse({ ...base, q_purpose: '0' }).success).toBe(false);
    expect(AnswerReviewDataSchema.safeParse({ ...base, questionId: 'q', reviewNumber: 0 }).success).toBe(
      false,
    );
    expect(AcknowledgeDataSchema.parse({ ...base, textVersion: '3' }).textVersion).toBe('3');
  });

  it('read a reflection and the share toggle, leaving the length check to the use case', () => {
    expect(
      SubmitReflectionDataSchema.parse({ ...base, reflection: 'Hi', shareWithManager: 'true' }),
    ).toMatchObject({
      reflection: 'Hi',
      shareWithManager: true,
    });
    expect(SubmitReflectionDataSchema.parse(base)).toMatchObject({ reflection: '', shareWithManager: false });
    expect(
      SubmitReflectionDataSchema.parse({ ...base, reflection: 'x'.repeat(5000) }).reflection,
    ).toHaveLength(5000);
    expect(SubmitReflectionDataSchema.safeParse({ ...base, shareWithManager: 'yes' }).success).toBe(false);
  });

  it('parse the chosen options per question, and read only options the quiz has', () => {
    const { choices } = AnswerQuizDataSchema.parse({
      ...base,
      attempt: 1,
      q_a: '1',
      q_b: '2,0,2',
      q_c: '',
      q_d: '7',
    });
    expect(choices).toEqual({ a: [1], b: [0, 2], c: [], d: [7] });
    const questions = [
      { id: 'a', options: [1, 2] },
      { id: 'b', options: [1, 2, 3] },
      { id: 'c', options: [1, 2] },
      { id: 'd', options: [1, 2] },
      { id: 'e', options: [1, 2] },
    ];
    expect(readQuizAnswers(choices, questions)).toEqual({ a: [1], b: [0, 2], c: [], d: [], e: [] });
    // An inherited name is not a question's answer.
    expect(readQuizAnswers(choices, [{ id: 'constructor', options: [1] }])).toEqual({ constructor: [] });
  });

  it('refuse data with wrong types or beyond the limits', () => {
    const bad: Array<[string, Record<string, unknown>]> = [
      ['program id not a slug', { ...base, programId: 'P Q' }],
      ['program id too long', { ...base, programId: 'a'.repeat(cardDataLimits.idLength + 1) }],
      ['learner id with an @', { ...base, learnerId: 'kari@contoso.no' }],
      ['version as text', { ...base, programVersion: '1' }],
      ['version huge', { ...base, programVersion: 1e12 }],
      ['an input value that is not text', { ...base, extra: { nested: true } }],
      ['an input value too long', { ...base, extra: 'x'.repeat(cardDataLimits.inputLength + 1) }],
    ];
    for (const [what, data] of bad) expect(CompleteStepDataSchema.safeParse(data).success, what).toBe(false);
    const quiz = { ...base, attempt: 1 };
    expect(AnswerQuizDataSchema.safeParse({ ...quiz, q_a: '7,x' }).success).toBe(false);
    expect(AnswerQuizDataSchema.safeParse({ ...quiz, q_a: '1; DROP' }).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => i).join(',');
    expect(AnswerQuizDataSchema.safeParse({ ...quiz, q_a: many }).success).toBe(false);
    expect(AnswerQuizDataSchema.safeParse({ ...quiz, attempt: 101 }).success).toBe(false);
    expect(AnswerQuizDataSchema.safeParse({ ...quiz, attempt: 1.5 }).success).toBe(false);
    expect(
      SubmitReflectionDataSchema.safeParse({
        ...base,
        reflection: 'x'.repeat(cardDataLimits.reflectionLength + 1),
      }).success,
    ).toBe(false);
    expect(AcknowledgeDataSchema.safeParse({ ...base, textVersion: 'v'.repeat(65) }).success).toBe(false);
    expect(AcknowledgeDataSchema.safeParse({ ...base, textVersion: 3 }).success).toBe(false);
  });
});
