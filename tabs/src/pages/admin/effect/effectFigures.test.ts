import { describe, expect, it } from 'vitest';
import type {
  EffectGroupFiguresView,
  EffectProgramView,
  EffectResponse,
} from '../../../../../src/http/tabs/effect/contract.ts';
import { messagesFor } from '../../../messages/index.ts';
import {
  defaultProgram,
  effectNumbers,
  groupRows,
  involvementRows,
  lastFullWeek,
  pulseRows,
  questionRows,
  requestWords,
  statementRows,
  weeklyGroups,
  weeklyRows,
} from './effectFigures.ts';

const t = messagesFor('en');
const n = effectNumbers('en', t.effectNone);

function figures(over: Partial<EffectGroupFiguresView> = {}): EffectGroupFiguresView {
  return {
    enrolled: 6,
    completed: 3,
    completionPercent: 50,
    onTime: { shown: true, people: 6, value: { percent: 83.3, stepsDone: 12 } },
    weeklyActive: [
      { weekStart: '2026-11-16T00:00:00.000Z', activePercent: 50 },
      { weekStart: '2026-11-23T00:00:00.000Z', activePercent: 66.7 },
      { weekStart: '2026-11-30T00:00:00.000Z', activePercent: 16.7 },
    ],
    quiz: { shown: true, people: 5, value: { firstAttemptPercent: 60, finalPercent: 90 } },
    selfAssessment: { shown: true, people: 6, value: { before: 2.5, after: 3.75, change: 1.25 } },
    ...over,
  };
}

function program(over: Partial<EffectProgramView> = {}): EffectProgramView {
  return {
    programId: 'welcome-onboarding',
    title: 'Welcome to your new job',
    overall: { shown: true, people: 6, value: figures() },
    departments: [
      { name: 'Helse og omsorg', figures: { shown: false } },
      { name: null, figures: { shown: true, people: 5, value: figures({ enrolled: 5 }) } },
    ],
    managers: [{ name: null, figures: { shown: false } }],
    statements: [
      {
        statementId: 'finding-help',
        text: 'I know where to find help',
        before: { shown: true, people: 6, value: 2 },
        after: { shown: true, people: 5, value: 3.5 },
        change: { shown: true, people: 5, value: 1.5 },
      },
      {
        statementId: 'spotting-phishing',
        text: 'I can spot phishing',
        before: { shown: false },
        after: { shown: false },
        change: { shown: false },
      },
    ],
    questions: [
      {
        stepId: 'security-quiz',
        stepTitle: 'Check yourself',
        questionId: 'q1',
        prompt: 'What is phishing?',
        answered: { shown: true, people: 5, value: { firstAttemptRightPercent: 40, finalRightPercent: 100 } },
      },
      {
        stepId: 'security-quiz',
        stepTitle: 'Check yourself',
        questionId: 'q2',
        prompt: 'Who do you call?',
        answered: { shown: false },
      },
    ],
    steps: [
      {
        stepId: 'welcome',
        title: 'Welcome!',
        pulse: { shown: true, people: 5, value: { usefulPercent: 80, comments: ['Clear'] } },
      },
      { stepId: 'teams', title: 'Teams', pulse: { shown: false } },
    ],
    checkins: { shown: false },
    learningTime: { shown: false },
    ...over,
  };
}

describe('the Effect view’s figures in words', () => {
  it('formats per cent, means and signed changes in the person’s language, and a missing figure as a dash', () => {
    expect([n.percent(83.3), n.mean(3.25), n.change(1.25), n.change(-0.5), n.change(0)]).toEqual([
      '83%',
      '3.3',
      '+1.3',
      '-0.5',
      '0.0',
    ]);
    expect([n.percent(null), n.mean(null), n.change(null)]).toEqual(['–', '–', '–']);
    const nb = effectNumbers('nb', '–');
    expect(nb.mean(3.25)).toBe('3,3');
    expect(nb.percent(50)).toBe('50\u00a0%');
    expect(effectNumbers('sv', '–').change(-0.5)).toBe('−0,5');
  });

  it('words a shown group’s figures, names unnamed groups, and keeps a hidden group hidden', () => {
    const rows = groupRows(program(), t, n);
    expect(rows.whole).toEqual({
      key: 'program',
      name: 'Everyone in the program',
      figures: {
        shown: true,
        people: 6,
        completed: '3 of 6 (50%)',
        onTime: '83%',
        quiz: '60% → 90%',
        selfAssessment: '2.5 → 3.8, change +1.3',
        // The week before the current one: the current week has only begun.
        activeLastWeek: '67%',
      },
    });
    expect(rows.departments.map((d) => [d.name, d.figures.shown])).toEqual([
      ['Helse og omsorg', false],
      ['No department', true],
    ]);
    // A hidden group carries nothing but its name: no size, no figure.
    expect(rows.departments[0]).toEqual({
      key: 'department-0',
      name: 'Helse og omsorg',
      figures: { shown: false },
    });
    expect(rows.managers).toEqual([
      { key: 'manager-0', name: 'A manager no longer in the directory', figures: { shown: false } },
    ]);
  });

  it('says which figures inside a shown group are about too few people, and which have no data', () => {
    const row = groupRows(
      program({
        overall: {
          shown: true,
          people: 5,
          value: figures({
            quiz: { shown: false },
            selfAssessment: { shown: true, people: 5, value: { before: 3, after: null, change: null } },
            onTime: { shown: true, people: 5, value: { percent: null, stepsDone: 0 } },
            weeklyActive: [],
          }),
        },
      }),
      t,
      n,
    ).whole;
    expect(row.figures).toMatchObject({
      quiz: 'Not shown (fewer than five people)',
      selfAssessment: '3.0 → –',
      onTime: '–',
      activeLastWeek: '–',
    });
  });

  it('gives the weeks of the whole program for the chart and its table, none when the program is hidden', () => {
    const weeks = weeklyRows(program().overall, (iso) => `day ${iso}`, n);
    expect(weeks?.map((w) => [w.label, w.value, w.text])).toEqual([
      ['day 2026-11-16', 50, '50%'],
      ['day 2026-11-23', 66.7, '67%'],
      ['day 2026-11-30', 16.7, '17%'],
    ]);
    expect(weeklyRows(program({ overall: { shown: false } }).overall, String, n)).toBeUndefined();
    expect(lastFullWeek([{ weekStart: 'x', activePercent: 10 }])).toBeNull();
  });

  it('offers the weekly chart for everyone, each department and each manager; a hidden group gives no weeks', () => {
    const groups = weeklyGroups(program(), t);
    expect(groups.map((g) => [g.key, g.label, g.figures.shown])).toEqual([
      ['program', 'Everyone in the program', true],
      ...program().departments.map((d, i) => [
        `department-${i}`,
        d.name ?? t.effectNoDepartment,
        d.figures.shown,
      ]),
      ['manager-0', t.effectUnknownManager, false],
    ]);
    // Five people in the unnamed department: its own weeks; Helse og omsorg has fewer: none.
    expect(weeklyRows(groups.find((g) => g.key === 'department-1')!.figures, String, n)).toHaveLength(3);
    expect(weeklyRows(groups.find((g) => g.key === 'department-0')!.figures, String, n)).toBeUndefined();
    expect(weeklyRows(groups.at(-1)!.figures, String, n)).toBeUndefined();
  });

  it('pairs before and after, first attempt and final, hiding a row about too few people whole', () => {
    expect(statementRows(program(), t, n)).toEqual([
      {
        key: 'finding-help',
        label: 'I know where to find help',
        hidden: false,
        first: '2.0',
        second: '3.5',
        change: '+1.5',
        chart: { first: 2, second: 3.5 },
      },
      {
        key: 'spotting-phishing',
        label: 'I can spot phishing',
        hidden: true,
        first: 'Not shown (fewer than five people)',
        second: 'Not shown (fewer than five people)',
        change: 'Not shown (fewer than five people)',
        chart: undefined,
      },
    ]);
    expect(questionRows(program(), t, n).map((q) => [q.label, q.hidden, q.first, q.second, q.chart])).toEqual(
      [
        ['Check yourself: What is phishing?', false, '40%', '100%', { first: 40, second: 100 }],
        ['Check yourself: Who do you call?', true, expect.any(String), expect.any(String), undefined],
      ],
    );
  });

  it('shows each item’s pulse with its comments and their count, or that it is hidden', () => {
    expect(pulseRows(program(), n)).toEqual([
      {
        key: 'welcome',
        title: 'Welcome!',
        pulse: { shown: true, useful: '80%', comments: ['Clear'], commentCount: 1 },
      },
      { key: 'teams', title: 'Teams', pulse: { shown: false } },
    ]);
    // The API keeps the newest 20 and counts them all.
    const many = program({
      steps: [
        {
          stepId: 'welcome',
          title: 'Welcome!',
          pulse: {
            shown: true,
            people: 30,
            value: { usefulPercent: 90, comments: ['a', 'b'], commentCount: 27 },
          },
        },
      ],
    });
    expect(pulseRows(many, n)[0]!.pulse).toMatchObject({ comments: ['a', 'b'], commentCount: 27 });
  });

  it('opens on the first program with figures', () => {
    const view = (programs: EffectProgramView[]): EffectResponse => ({
      minGroupSize: 5,
      programs,
      actions: ['export', 'refresh'],
    });
    const hidden = program({ programId: 'smoke-diving', overall: { shown: false } });
    expect(defaultProgram(view([hidden, program()]))).toBe('welcome-onboarding');
    expect(defaultProgram(view([hidden]))).toBe('smoke-diving');
    expect(defaultProgram(view([]))).toBeUndefined();
  });

  it('words manager involvement; a hidden group says nothing of itself, a hidden part only of that part', () => {
    const requests = {
      shown: true as const,
      people: 6,
      value: { asked: 6, decided: 4, approved: 3, denied: 1, medianHoursToDecision: 2.5 },
    };
    const rows = involvementRows(
      {
        overall: {
          shown: true,
          people: 7,
          value: {
            requests,
            cards: { shown: true, people: 5, value: { nudges: 8, recognitions: 2 } },
            checkins: { shown: false },
          },
        },
        departments: [{ name: null, figures: { shown: false } }],
        managers: [],
      },
      t,
      n,
    );
    expect(rows.whole).toEqual({
      key: 'everyone',
      name: 'Everyone',
      figures: {
        shown: true,
        people: 7,
        requests: '4 of 6 (3 approved, 1 denied)',
        median: '2.5 h',
        checkins: t.effectHiddenShort,
        nudges: '8',
        thanks: '2',
      },
    });
    expect(rows.departments).toEqual([
      { key: 'department-0', name: 'No department', figures: { shown: false } },
    ]);
    expect(rows.managers).toEqual([]);
    const nb = messagesFor('nb');
    expect(requestWords(requests.value, nb, effectNumbers('nb', nb.effectNone))).toEqual({
      decided: '4 av 6 (3 innvilget, 1 avslått)',
      median: '2,5 t',
    });
    expect(requestWords({ ...requests.value, decided: 0, medianHoursToDecision: null }, t, n).median).toBe(
      '–',
    );
  });
});
