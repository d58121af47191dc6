import { describe, expect, it } from 'vitest';
import {
  AcknowledgeDataSchema,
  AnswerQuizDataSchema,
  AnswerReviewDataSchema,
  CompleteStepDataSchema,
  SubmitReflectionDataSchema,
  readQuizAnswers,
} from './stepActionSchemas.ts';

const base = { programId: 'p', programVersion: 1, stepId: 's', learnerId: 'oid' };

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

  it('read the chosen options per question, ignoring what is not an option', () => {
    const questions = [
      { id: 'a', options: [1, 2] },
      { id: 'b', options: [1, 2, 3] },
      { id: 'c', options: [1, 2] },
      { id: 'd', options: [1, 2] },
    ];
    expect(readQuizAnswers({ q_a: '1', q_b: '2,0,2', q_c: '', q_d: '7,x' }, questions)).toEqual({
      a: [1],
      b: [0, 2],
      c: [],
      d: [],
    });
  });
});
