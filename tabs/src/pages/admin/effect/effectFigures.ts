import type {
  EffectGroupFiguresView,
  EffectGroupView,
  EffectInvolvementFiguresView,
  EffectInvolvementGroupView,
  EffectInvolvementView,
  EffectProgramView,
  EffectRequestFiguresView,
  EffectResponse,
  FigureView,
} from '../../../../../src/http/tabs/effect/contract.ts';
import type { Messages, TabLanguage } from '../../../messages/index.ts';

/**
 * The Effect view's figures as the tab words them: pure, so the wording of a hidden figure, a missing
 * one and a change can be tested without a browser. A hidden figure stays hidden here too: nothing of
 * its group (not even its size) is put back.
 */

export interface EffectNumbers {
  /** 33.3 → "33 %" (en "33%"), null → "–". */
  percent(value: number | null): string;
  /** A mean on the 1–5 scale, one decimal: 3.25 → "3.3" (nb "3,3"). */
  mean(value: number | null): string;
  /** A change with its sign: 0.5 → "+0.5", −0.25 → "−0.3", 0 → "0.0". */
  change(value: number | null): string;
  /** Hours, at most one decimal: 5 → "5", 2.5 → "2.5" (nb "2,5"). */
  hours(value: number | null): string;
}

export function effectNumbers(language: TabLanguage, none: string): EffectNumbers {
  const tag = language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB';
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const mean = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const change = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const hours = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const or = (format: (v: number) => string) => (value: number | null) =>
    value === null || !Number.isFinite(value) ? none : format(value);
  return {
    percent: or((v) => percent.format(v / 100)),
    mean: or((v) => mean.format(v)),
    change: or((v) => change.format(v)),
    hours: or((v) => hours.format(v)),
  };
}

/** A row of the table by group: its figures in words, or hidden. */
export interface GroupRow {
  key: string;
  name: string;
  figures:
    | { shown: false }
    | {
        shown: true;
        people: number;
        completed: string;
        onTime: string;
        quiz: string;
        selfAssessment: string;
        activeLastWeek: string;
      };
}

type Words = Pick<
  Messages,
  | 'effectHiddenShort'
  | 'effectNone'
  | 'effectCompleted'
  | 'effectArrow'
  | 'effectChange'
  | 'effectWholeProgram'
  | 'effectNoDepartment'
  | 'effectUnknownManager'
  | 'effectDecided'
  | 'effectHours'
  | 'effectInvolvementEveryone'
>;

/**
 * The week before the current one: the current week has only begun, so its share is low by
 * construction (the CSV's "active last week" is the same week).
 */
export function lastFullWeek(weeks: EffectGroupFiguresView['weeklyActive']): number | null {
  return weeks.at(-2)?.activePercent ?? null;
}

function within<T>(figure: FigureView<T>, t: Words, words: (value: T) => string): string {
  return figure.shown ? words(figure.value) : t.effectHiddenShort;
}

export function groupRow(
  key: string,
  name: string,
  figures: FigureView<EffectGroupFiguresView>,
  t: Words,
  n: EffectNumbers,
): GroupRow {
  if (!figures.shown) return { key, name, figures: { shown: false } };
  const v = figures.value;
  return {
    key,
    name,
    figures: {
      shown: true,
      people: figures.people,
      completed: t.effectCompleted(v.completed, v.enrolled, n.percent(v.completionPercent)),
      onTime: within(v.onTime, t, (o) => n.percent(o.percent)),
      quiz: within(v.quiz, t, (q) =>
        q.firstAttemptPercent === null && q.finalPercent === null
          ? t.effectNone
          : t.effectArrow(n.percent(q.firstAttemptPercent), n.percent(q.finalPercent)),
      ),
      selfAssessment: within(v.selfAssessment, t, (s) => {
        if (s.before === null && s.after === null) return t.effectNone;
        const arrow = t.effectArrow(n.mean(s.before), n.mean(s.after));
        return s.change === null ? arrow : `${arrow}, ${t.effectChange(n.change(s.change))}`;
      }),
      activeLastWeek: n.percent(lastFullWeek(v.weeklyActive)),
    },
  };
}

/** The whole program, then each department and each manager, named (never by an id). */
export function groupRows(
  program: EffectProgramView,
  t: Words,
  n: EffectNumbers,
): { whole: GroupRow; departments: GroupRow[]; managers: GroupRow[] } {
  const rows = (groups: EffectGroupView[], level: string, unnamed: string) =>
    groups.map((g, i) => groupRow(`${level}-${i}`, g.name ?? unnamed, g.figures, t, n));
  return {
    whole: groupRow('program', t.effectWholeProgram, program.overall, t, n),
    departments: rows(program.departments, 'department', t.effectNoDepartment),
    managers: rows(program.managers, 'manager', t.effectUnknownManager),
  };
}

/** One bar of a chart: a label and a value, or none (hidden or nobody to count). */
export interface ChartPoint {
  label: string;
  value: number | null;
}

/** A group whose weekly engagement can be shown: everyone in the program, a department, a manager's people. */
export interface WeeklyGroup {
  key: string;
  label: string;
  figures: FigureView<EffectGroupFiguresView>;
}

/** The groups to choose from for the weekly chart, in the order of the table by group. */
export function weeklyGroups(program: EffectProgramView, t: Words): WeeklyGroup[] {
  const of = (groups: EffectGroupView[], level: string, unnamed: string) =>
    groups.map((g, i) => ({ key: `${level}-${i}`, label: g.name ?? unnamed, figures: g.figures }));
  return [
    { key: 'program', label: t.effectWholeProgram, figures: program.overall },
    ...of(program.departments, 'department', t.effectNoDepartment),
    ...of(program.managers, 'manager', t.effectUnknownManager),
  ];
}

/** A group's weeks for the chart and its table; undefined when the group is hidden (under five people). */
export function weeklyRows(
  figures: FigureView<EffectGroupFiguresView>,
  formatDate: (iso: string) => string,
  n: EffectNumbers,
): Array<ChartPoint & { key: string; text: string }> | undefined {
  if (!figures.shown) return undefined;
  return figures.value.weeklyActive.map((w) => ({
    key: w.weekStart,
    label: formatDate(w.weekStart.slice(0, 10)),
    value: w.activePercent,
    text: n.percent(w.activePercent),
  }));
}

/** A row with two figures side by side (before and after, first attempt and final) and their chart values. */
export interface PairRow {
  key: string;
  label: string;
  /** Nothing of the row is shown: its whole line says why. */
  hidden: boolean;
  first: string;
  second: string;
  change?: string;
  chart?: { first: number | null; second: number | null };
}

export function statementRows(program: EffectProgramView, t: Words, n: EffectNumbers): PairRow[] {
  return program.statements.map((s) => ({
    key: s.statementId,
    label: s.text,
    hidden: !s.before.shown && !s.after.shown && !s.change.shown,
    first: within(s.before, t, n.mean),
    second: within(s.after, t, n.mean),
    change: within(s.change, t, n.change),
    chart:
      s.before.shown || s.after.shown
        ? {
            first: s.before.shown ? s.before.value : null,
            second: s.after.shown ? s.after.value : null,
          }
        : undefined,
  }));
}

export function questionRows(program: EffectProgramView, t: Words, n: EffectNumbers): PairRow[] {
  return program.questions.map((q) => ({
    key: `${q.stepId}/${q.questionId}`,
    label: `${q.stepTitle}: ${q.prompt}`,
    hidden: !q.answered.shown,
    first: within(q.answered, t, (a) => n.percent(a.firstAttemptRightPercent)),
    second: within(q.answered, t, (a) => n.percent(a.finalRightPercent)),
    chart: q.answered.shown
      ? { first: q.answered.value.firstAttemptRightPercent, second: q.answered.value.finalRightPercent }
      : undefined,
  }));
}

export interface PulseRow {
  key: string;
  title: string;
  /** `comments` are the newest the API gives; `commentCount` counts them all. */
  pulse: { shown: false } | { shown: true; useful: string; comments: string[]; commentCount: number };
}

export function pulseRows(program: EffectProgramView, n: EffectNumbers): PulseRow[] {
  return program.steps.map((s) => ({
    key: s.stepId,
    title: s.title,
    pulse: s.pulse.shown
      ? {
          shown: true,
          useful: n.percent(s.pulse.value.usefulPercent),
          comments: s.pulse.value.comments,
          // Figures computed before the API counted them carry only the list.
          commentCount: Math.max(s.pulse.value.commentCount ?? 0, s.pulse.value.comments.length),
        }
      : { shown: false },
  }));
}

/** The program first shown: the first with figures for the whole program, else the first. */
export function defaultProgram(view: EffectResponse): string | undefined {
  return (view.programs.find((p) => p.overall.shown) ?? view.programs[0])?.programId;
}

/** Requests decided of those asked, and the median hours to a decision, in words. */
export function requestWords(
  v: EffectRequestFiguresView,
  t: Words,
  n: EffectNumbers,
): { decided: string; median: string } {
  return {
    decided: t.effectDecided(v.decided, v.asked, v.approved, v.denied),
    median: v.medianHoursToDecision === null ? t.effectNone : t.effectHours(n.hours(v.medianHoursToDecision)),
  };
}

/** A row of the managers' table: each part in words, or hidden on its own (fewer than five behind it). */
export interface InvolvementRow {
  key: string;
  name: string;
  figures:
    | { shown: false }
    | {
        shown: true;
        people: number;
        requests: string;
        median: string;
        checkins: string;
        nudges: string;
        thanks: string;
      };
}

export function involvementRow(
  key: string,
  name: string,
  figures: FigureView<EffectInvolvementFiguresView>,
  t: Words,
  n: EffectNumbers,
): InvolvementRow {
  if (!figures.shown) return { key, name, figures: { shown: false } };
  const v = figures.value;
  const requests = v.requests.shown ? requestWords(v.requests.value, t, n) : undefined;
  return {
    key,
    name,
    figures: {
      shown: true,
      people: figures.people,
      requests: requests?.decided ?? t.effectHiddenShort,
      median: requests?.median ?? t.effectHiddenShort,
      checkins: within(v.checkins, t, (c) =>
        t.effectCompleted(c.answered, c.asked, n.percent(c.answeredPercent)),
      ),
      nudges: within(v.cards, t, (c) => String(c.nudges)),
      thanks: within(v.cards, t, (c) => String(c.recognitions)),
    },
  };
}

/** Everyone, then each department and each manager, named (never by an id). */
export function involvementRows(
  view: EffectInvolvementView,
  t: Words,
  n: EffectNumbers,
): { whole: InvolvementRow; departments: InvolvementRow[]; managers: InvolvementRow[] } {
  const rows = (groups: EffectInvolvementGroupView[], level: string, unnamed: string) =>
    groups.map((g, i) => involvementRow(`${level}-${i}`, g.name ?? unnamed, g.figures, t, n));
  return {
    whole: involvementRow('everyone', t.effectInvolvementEveryone, view.overall, t, n),
    departments: rows(view.departments, 'department', t.effectNoDepartment),
    managers: rows(view.managers, 'manager', t.effectUnknownManager),
  };
}
