import { describe, expect, it } from 'vitest';
import { ProgramSchema } from '../../../domain/learning/program.ts';
import { stepCardContext } from './stepView.ts';

/** A learner's "Step 3 of 10" counts the cards they get: a check-in is their manager's card. */
describe('a step card’s position', () => {
  it('counts the learner’s own steps, not the check-in asked of their manager', () => {
    const lesson = (id: string, offsetDays: number) => ({
      id,
      kind: 'lesson',
      due: { offsetDays },
      minutes: 2,
      title: { en: id },
      body: { en: 'Text.' },
    });
    const program = ProgramSchema.parse({
      id: 'with-check-in',
      version: 1,
      title: { en: 'With a check-in' },
      description: { en: 'Two lessons and a check-in between them.' },
      languages: ['en'],
      mandatory: true,
      steps: [
        lesson('first', 0),
        {
          id: 'week-two',
          kind: 'checkin',
          due: { offsetDays: 1 },
          minutes: 2,
          title: { en: 'Check-in' },
          question: { en: 'How is {name} doing?' },
          options: [{ en: 'Well' }, { en: 'Needs help' }],
        },
        lesson('second', 2),
      ],
    });
    const ctx = stepCardContext(program, program.steps[2]!, { userId: 'u', language: 'en' }, undefined);
    expect([ctx.stepNumber, ctx.totalSteps]).toEqual([2, 2]);
  });
});
