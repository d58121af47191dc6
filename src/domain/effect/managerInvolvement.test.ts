import { describe, expect, it } from 'vitest';
import {
  managerInvolvement,
  requestFigures,
  type LearningTimeFact,
  type ManagerCardFact,
} from './managerInvolvement.ts';
import type { EffectPerson } from './programEffect.ts';
import { effectProgram, step } from './testing/effectPrograms.ts';
import type { StepState } from '../learning/stepState.ts';

const program = effectProgram();

/** `n` learners of one department under one manager: each asked once, was nudged once, had a check-in. */
function team(n: number, department: string, managerId: string) {
  const ids = Array.from({ length: n }, (_, i) => `${department}-${i}`);
  const people = new Map<string, EffectPerson>(ids.map((id) => [id, { id, department, managerId }]));
  const requests: LearningTimeFact[] = ids.map((learnerId, i) => ({
    learnerId,
    managerId,
    programId: program.id,
    // The first is still pending, the second denied, the rest approved; decided after 2, 4, 6 … hours.
    status: i === 0 ? 'pending' : i === 1 ? 'denied' : 'approved',
    createdAt: '2026-11-02T08:00:00.000Z',
    ...(i === 0
      ? {}
      : { decidedAt: new Date(Date.parse('2026-11-02T08:00:00.000Z') + i * 2 * 3_600_000).toISOString() }),
  }));
  const cards: ManagerCardFact[] = ids.flatMap((personId, i) => [
    { kind: 'nudge' as const, managerId, personId },
    ...(i === 0 ? [{ kind: 'recognition' as const, managerId, personId }] : []),
  ]);
  const steps: StepState[] = ids.map((id, i) =>
    step(
      id,
      'how',
      i < 2
        ? { status: 'done', sentAt: '2026-11-05T08:00:00Z', answer: '{"option":0}' }
        : { status: 'sent', sentAt: '2026-11-05T08:00:00Z' },
    ),
  );
  return { people, requests, cards, steps };
}

function involvementOf(...teams: Array<ReturnType<typeof team>>) {
  return managerInvolvement({
    requests: teams.flatMap((t) => t.requests),
    cards: teams.flatMap((t) => t.cards),
    programs: [program],
    steps: teams.flatMap((t) => t.steps),
    people: new Map(teams.flatMap((t) => [...t.people])),
  });
}

describe('manager involvement', () => {
  it('counts requests asked and decided with the median hours, nudges and thanks sent, check-ins answered', () => {
    const involvement = involvementOf(team(5, 'IT', 'boss-it'));
    const figures = {
      shown: true,
      people: 5,
      value: {
        // Decided after 2, 4, 6 and 8 hours: the median is 5.
        requests: {
          shown: true,
          people: 5,
          value: { asked: 5, decided: 4, approved: 3, denied: 1, medianHoursToDecision: 5 },
        },
        cards: { shown: true, people: 5, value: { nudges: 5, recognitions: 1 } },
        checkins: { shown: true, people: 5, value: { asked: 5, answered: 2, answeredPercent: 40 } },
      },
    };
    expect(involvement.overall).toEqual(figures);
    expect(involvement.departments).toEqual([{ department: 'IT', figures }]);
    expect(involvement.managers).toEqual([{ managerId: 'boss-it', figures }]);
  });

  it('a group of four shows nothing, not even its size; the others beside it still show', () => {
    const involvement = involvementOf(team(4, 'HR', 'boss-hr'), team(5, 'IT', 'boss-it'));
    expect(involvement.departments).toEqual([
      { department: 'HR', figures: { shown: false } },
      { department: 'IT', figures: expect.objectContaining({ shown: true, people: 5 }) },
    ]);
    expect(involvement.managers[0]).toEqual({ managerId: 'boss-hr', figures: { shown: false } });
    expect(involvement.overall).toMatchObject({
      shown: true,
      people: 9,
      value: { requests: { value: { asked: 9, decided: 7 } }, cards: { value: { nudges: 9 } } },
    });
    expect(JSON.stringify(involvementOf(team(4, 'HR', 'boss-hr')))).toBe(
      JSON.stringify({
        overall: { shown: false },
        departments: [{ department: 'HR', figures: { shown: false } }],
        managers: [{ managerId: 'boss-hr', figures: { shown: false } }],
      }),
    );
  });

  it('a part about fewer than five of the group is hidden on its own: two people nudged of five who asked', () => {
    const five = team(5, 'IT', 'boss-it');
    const involvement = involvementOf({ ...five, cards: five.cards.slice(0, 2) });
    expect(involvement.overall).toMatchObject({
      shown: true,
      value: { requests: { shown: true }, cards: { shown: false }, checkins: { shown: true } },
    });
  });

  it('counts a request under the manager who got it, and a check-in under the learner’s manager now', () => {
    const five = team(5, 'IT', 'boss-it');
    const moved = new Map([...five.people].map(([id, p]) => [id, { ...p, managerId: 'new-boss' }]));
    const involvement = involvementOf({ ...five, people: moved });
    const boss = involvement.managers.find((m) => m.managerId === 'boss-it')!.figures;
    const next = involvement.managers.find((m) => m.managerId === 'new-boss')!.figures;
    expect(boss).toMatchObject({
      shown: true,
      value: { requests: { shown: true }, checkins: { shown: false } },
    });
    expect(next).toMatchObject({
      shown: true,
      value: { requests: { shown: false }, checkins: { shown: true } },
    });
  });

  it('per program: only requests naming it, none decided gives no median, four learners show nothing', () => {
    const asked = (n: number): LearningTimeFact[] =>
      Array.from({ length: n }, (_, i) => ({
        learnerId: `p-${i}`,
        managerId: 'boss',
        programId: program.id,
        status: 'pending',
        createdAt: '2026-11-02T08:00:00.000Z',
      }));
    expect(requestFigures(asked(4))).toEqual({ shown: false });
    // One learner asking five times is still one person.
    expect(requestFigures(asked(1).flatMap((r) => [r, r, r, r, r]))).toEqual({ shown: false });
    expect(requestFigures(asked(5))).toEqual({
      shown: true,
      people: 5,
      value: { asked: 5, decided: 0, approved: 0, denied: 0, medianHoursToDecision: null },
    });
  });
});
