import { describe, expect, it } from 'vitest';
import { COMMENTS_PER_STEP, programEffect, type EffectPerson } from './programEffect.ts';
import { figureAbout, MIN_GROUP_SIZE } from './suppression.ts';
import { effectProgram, enrollment, step } from './testing/effectPrograms.ts';
import type { StepState } from '../learning/stepState.ts';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const program = effectProgram();

/** `n` people of one department and manager, each having done the whole program the same way. */
function cohort(n: number, department: string, managerId: string, prefix = department) {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const people = new Map<string, EffectPerson>(ids.map((id) => [id, { id, department, managerId }]));
  const enrollments = ids.map((id) =>
    enrollment(id, { status: 'completed', completedAt: '2026-11-20T10:00:00Z' }),
  );
  const steps: StepState[] = ids.flatMap((id) => [
    step(id, 'before', {
      status: 'done',
      doneAt: '2026-11-02T09:00:00Z',
      answer: JSON.stringify({ ratings: { s1: 2, s2: 2 } }),
    }),
    step(id, 'read', {
      status: 'done',
      doneAt: '2026-11-18T09:00:00Z',
      pulseUseful: true,
      pulseComment: `comment of ${id}`,
      pulseAt: '2026-11-18T09:01:00Z',
    }),
    step(id, 'check', {
      status: 'done',
      doneAt: '2026-11-19T09:00:00Z',
      attempts: 2,
      firstScore: 0.5,
      lastScore: 1,
      firstRight: '["q1"]',
      lastRight: '["q1","q2"]',
    }),
    step(id, 'how', { status: 'done', sentAt: '2026-11-05T08:00:00Z', answer: '{"option":0}' }),
    step(id, 'after', {
      status: 'done',
      doneAt: '2026-11-20T09:00:00Z',
      answer: JSON.stringify({ ratings: { s1: 4, s2: 5 } }),
    }),
  ]);
  return { people, enrollments, steps };
}

function effectOf(...groups: Array<ReturnType<typeof cohort>>) {
  return programEffect({
    program,
    enrollments: groups.flatMap((g) => g.enrollments),
    steps: groups.flatMap((g) => g.steps),
    people: new Map(groups.flatMap((g) => [...g.people])),
    now: NOW,
  });
}

describe('the five-person rule', () => {
  it('hides a figure about four people, and its size with it; shows one about five', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(figureAbout(4, () => 42)).toEqual({ shown: false });
    expect(figureAbout(5, () => 42)).toEqual({ shown: true, people: 5, value: 42 });
  });

  it('a group of four shows no figures at all: not the program, not its department, manager, questions or comments', () => {
    const effect = effectOf(cohort(4, 'IT', 'boss-it'));
    expect(effect.overall).toEqual({ shown: false });
    expect(effect.departments).toEqual([{ department: 'IT', figures: { shown: false } }]);
    expect(effect.managers).toEqual([{ managerId: 'boss-it', figures: { shown: false } }]);
    for (const s of effect.statements)
      expect([s.before, s.after, s.change]).toEqual([{ shown: false }, { shown: false }, { shown: false }]);
    for (const q of effect.questions) expect(q.answered).toEqual({ shown: false });
    for (const p of effect.steps) expect(p.pulse).toEqual({ shown: false });
    expect(JSON.stringify(effect)).not.toContain('comment of');
    expect(effect.checkins).toEqual({ shown: false });
  });

  it('a group of five shows its figures', () => {
    const effect = effectOf(cohort(5, 'IT', 'boss-it'));
    expect(effect.overall.shown && effect.overall.people).toBe(5);
    const overall = effect.overall.shown ? effect.overall.value : undefined;
    expect(overall).toMatchObject({ enrolled: 5, completed: 5, completionPercent: 100 });
    expect(overall?.quiz).toEqual({
      shown: true,
      people: 5,
      value: { firstAttemptPercent: 50, finalPercent: 100 },
    });
    expect(overall?.selfAssessment).toEqual({
      shown: true,
      people: 5,
      value: { before: 2, after: 4.5, change: 2.5 },
    });
    expect(effect.departments[0]!.figures.shown).toBe(true);
    expect(effect.managers[0]!.figures.shown).toBe(true);
    expect(effect.statements.find((s) => s.statementId === 's2')).toEqual({
      statementId: 's2',
      before: { shown: true, people: 5, value: 2 },
      after: { shown: true, people: 5, value: 5 },
      change: { shown: true, people: 5, value: 3 },
    });
    expect(effect.questions).toEqual([
      {
        stepId: 'check',
        questionId: 'q1',
        answered: {
          shown: true,
          people: 5,
          value: { firstAttemptRightPercent: 100, finalRightPercent: 100 },
        },
      },
      {
        stepId: 'check',
        questionId: 'q2',
        answered: { shown: true, people: 5, value: { firstAttemptRightPercent: 0, finalRightPercent: 100 } },
      },
    ]);
    const read = effect.steps.find((s) => s.stepId === 'read')!;
    expect(read.pulse.shown && read.pulse.value.usefulPercent).toBe(100);
    expect(read.pulse.shown && read.pulse.value.comments).toHaveLength(5);
    // Only the items people learn from get a pulse.
    expect(effect.steps.map((s) => s.stepId)).toEqual(['read', 'check']);
  });

  it('counts every comment on an item, while it keeps only the newest for the view', () => {
    const group = cohort(COMMENTS_PER_STEP + 5, 'Helse', 'boss-h');
    // Three of them answered "useful?" without a comment.
    for (const s of group.steps.filter((x) => x.stepId === 'read').slice(0, 3)) delete s.pulseComment;
    const read = effectOf(group).steps.find((s) => s.stepId === 'read')!;
    expect(read.pulse).toMatchObject({
      shown: true,
      people: COMMENTS_PER_STEP + 5,
      value: { usefulPercent: 100, commentCount: COMMENTS_PER_STEP + 2 },
    });
    expect(read.pulse.shown && read.pulse.value.comments).toHaveLength(COMMENTS_PER_STEP);
  });

  it('inside a program of nine, a department of four is hidden while one of five and the whole are shown', () => {
    const effect = effectOf(cohort(5, 'Helse', 'boss-h'), cohort(4, 'IT', 'boss-it'));
    expect(effect.overall.shown && effect.overall.people).toBe(9);
    expect(effect.departments).toEqual([
      { department: 'Helse', figures: expect.objectContaining({ shown: true, people: 5 }) },
      { department: 'IT', figures: { shown: false } },
    ]);
    expect(effect.managers.find((m) => m.managerId === 'boss-it')!.figures).toEqual({ shown: false });
  });

  it('hides a figure about a subset of fewer than five inside a group that is shown', () => {
    const group = cohort(6, 'IT', 'boss-it');
    // Only four of the six answered the quiz: its figures are about four people.
    const steps = group.steps.filter((s) => !(s.stepId === 'check' && ['IT-4', 'IT-5'].includes(s.userId)));
    const effect = effectOf({ ...group, steps });
    const overall = effect.overall.shown ? effect.overall.value : undefined;
    expect(overall?.enrolled).toBe(6);
    expect(overall?.quiz).toEqual({ shown: false });
    expect(effect.questions.every((q) => !q.answered.shown)).toBe(true);
  });

  it('counts check-ins by the managers asked: five learners of one manager are one manager', () => {
    expect(effectOf(cohort(5, 'IT', 'boss-it')).checkins).toEqual({ shown: false });
    const five = [1, 2, 3, 4, 5].map((i) => cohort(1, 'IT', `boss-${i}`, `p${i}`));
    expect(effectOf(...five).checkins).toEqual({
      shown: true,
      people: 5,
      value: { asked: 5, answered: 5, answeredPercent: 100 },
    });
  });
});

describe('engagement over time', () => {
  it('gives each week the share of people enrolled then who did something that week', () => {
    const effect = effectOf(cohort(5, 'IT', 'boss-it'));
    const weeks = effect.overall.shown ? effect.overall.value.weeklyActive : [];
    expect(weeks).toHaveLength(12);
    const week = (iso: string) => weeks.find((w) => w.weekStart === iso)?.activePercent;
    expect(week('2026-11-16T00:00:00.000Z')).toBe(100); // lesson, quiz and the after-assessment
    expect(week('2026-11-09T00:00:00.000Z')).toBe(0); // enrolled, nothing done
    expect(week('2026-10-26T00:00:00.000Z')).toBeNull(); // nobody enrolled yet
    expect(week('2026-11-23T00:00:00.000Z')).toBeNull(); // everyone finished before it began
  });

  it('leaves withdrawn enrollments out of every figure', () => {
    const group = cohort(5, 'IT', 'boss-it');
    const enrollments = group.enrollments.map((e, i) =>
      i === 0 ? { ...e, status: 'withdrawn' as const } : e,
    );
    expect(effectOf({ ...group, enrollments }).overall).toEqual({ shown: false });
  });
});
