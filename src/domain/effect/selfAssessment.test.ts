import { describe, expect, it } from 'vitest';
import { checkPulse, checkSelfAssessment, PULSE_COMMENT_MAX, ratingsOf } from './selfAssessment.ts';
import { effectProgram, selfAssessmentInput } from './testing/effectPrograms.ts';
import { ProgramSchema } from '../learning/program.ts';

const step = {
  statements: [
    { id: 's1', text: { en: 'a' } },
    { id: 's2', text: { en: 'b' } },
  ],
};

describe('a self-assessment answer, checked on the server', () => {
  it('takes a whole number from 1 to 5 for every statement', () => {
    expect(checkSelfAssessment(step, { s1: '1', s2: ' 5 ' })).toEqual({
      ok: true,
      ratings: { s1: 1, s2: 5 },
    });
  });

  it.each([['0'], ['6'], ['3.5'], [''], ['x'], ['12']])(
    'counts %j as not answered, and keeps the valid ones',
    (v) => {
      expect(checkSelfAssessment(step, { s1: '4', s2: v })).toEqual({
        ok: false,
        missing: ['s2'],
        kept: { s1: 4 },
      });
    },
  );

  it('ignores values for statements the step does not ask, and inherited names', () => {
    expect(
      checkSelfAssessment(step, { s1: '2', s2: '3', s9: '5', __proto__: '1' } as Record<string, string>),
    ).toEqual({
      ok: true,
      ratings: { s1: 2, s2: 3 },
    });
    expect(checkSelfAssessment({ statements: [{ id: 'constructor', text: { en: 'c' } }] }, {})).toMatchObject(
      { ok: false },
    );
  });

  it('reads stored ratings back, dropping anything out of the scale', () => {
    expect(ratingsOf(JSON.stringify({ ratings: { s1: 3, s2: 9 } }))).toEqual({ s1: 3 });
    expect(ratingsOf('{"text":"a reflection"}')).toBeUndefined();
    expect(ratingsOf('not json')).toBeUndefined();
  });
});

describe('the pulse', () => {
  it('keeps a trimmed comment on one line, none when empty, and refuses one that is too long', () => {
    expect(checkPulse('useful', '  good\n\nstuff ')).toEqual({
      ok: true,
      useful: true,
      comment: 'good stuff',
    });
    expect(checkPulse('notUseful', '   ')).toEqual({ ok: true, useful: false });
    expect(checkPulse('useful', 'x'.repeat(PULSE_COMMENT_MAX))).toMatchObject({ ok: true });
    expect(checkPulse('useful', 'x'.repeat(PULSE_COMMENT_MAX + 1))).toEqual({ ok: false, reason: 'tooLong' });
  });
});

describe('self-assessments in a program', () => {
  const base = () => effectProgram();
  const withSteps = (steps: unknown[]) =>
    ProgramSchema.safeParse({ ...base(), steps }).error?.issues.map(
      (i) => `${i.path.join('.')}: ${i.message}`,
    ) ?? [];

  it('accepts a before at the start and an after at the end with the same statements', () => {
    expect(base().steps.filter((s) => s.kind === 'self-assessment')).toHaveLength(2);
  });

  it('refuses an after with other statements, an after alone, two befores, and an after before the before', () => {
    const [before, lesson] = [selfAssessmentInput('before', 'before'), base().steps[1]];
    expect(withSteps([before, lesson, selfAssessmentInput('after', 'after', ['s1'])])).toEqual([
      'steps.2.statements: the after self-assessment must rate the same statements as the before one (s1, s2)',
    ]);
    expect(withSteps([lesson, selfAssessmentInput('after', 'after')])).toEqual([
      'steps.1.phase: an after self-assessment needs a before one earlier in the program, to compare with',
    ]);
    expect(withSteps([before, selfAssessmentInput('again', 'before')])).toEqual([
      'steps.1.phase: a program has at most one self-assessment with phase before (steps[0] is one)',
    ]);
    expect(withSteps([selfAssessmentInput('after', 'after'), before])).toEqual([
      'steps.0.phase: the after self-assessment comes before the before one (steps[1])',
    ]);
  });

  it('refuses duplicate statement ids, an unknown phase and too many statements', () => {
    const dup = selfAssessmentInput('before', 'before', ['s1', 's1']);
    expect(withSteps([dup])).toContain(
      'steps.0.statements.1.id: statement id "s1" is already used by statements[0]',
    );
    expect(
      withSteps([{ ...dup, phase: 'during' }]).some((m) => m.includes('phase must be before or after')),
    ).toBe(true);
    const many = selfAssessmentInput('before', 'before', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(withSteps([many]).some((m) => m.includes('at most 8 statements'))).toBe(true);
  });
});
