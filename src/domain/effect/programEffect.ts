// What a program achieved, per program, per department and per manager: the figures of the Admin
// tab's Effect view, each passed through the five-person rule (./suppression.ts). Pure: the rows are
// read by the aggregation job (src/usecases/effect/refreshEffectFigures.ts) and handed in.
import type { Enrollment } from '../learning/enrollment.ts';
import type { Program, SelfAssessmentStep } from '../learning/program.ts';
import type { StepState } from '../learning/stepState.ts';
import { mean, percent, weekStarts, WEEK_MS } from './figures.ts';
import type { RequestFigures } from './managerInvolvement.ts';
import { ratingsOf } from './selfAssessment.ts';
import { figureAbout, type Shown } from './suppression.ts';
import { NO_DEPARTMENT, type EffectPerson } from './effectGroups.ts';

export { NO_DEPARTMENT, type EffectPerson } from './effectGroups.ts';

/** A step done no later than a day after it fell due counts as on time (as the engagement report). */
export const ON_TIME_GRACE_MS = 86_400_000;
/** Weeks of activity the view shows. */
export const EFFECT_WEEKS = 12;
/** Comments shown per step, newest first: enough to see what people say, not a log of everyone. */
export const COMMENTS_PER_STEP = 20;

export interface GroupFigures {
  enrolled: number;
  completed: number;
  completionPercent: number | null;
  /** Of steps done: done no later than a day after they fell due; about the people who did any. */
  onTime: Shown<{ percent: number | null; stepsDone: number }>;
  /** Per week, oldest first: the share of people enrolled then (and not yet finished) who did something. */
  weeklyActive: Array<{ weekStart: string; activePercent: number | null }>;
  /** Mean first-attempt and latest quiz score (0..100) over the quizzes people answered. */
  quiz: Shown<{ firstAttemptPercent: number | null; finalPercent: number | null }>;
  /** Mean of every statement, 1..5, before and after; change over those who answered both. */
  selfAssessment: Shown<{ before: number | null; after: number | null; change: number | null }>;
}

export interface StatementFigures {
  statementId: string;
  before: Shown<number | null>;
  after: Shown<number | null>;
  /** Mean of (after − before) over people who answered both. */
  change: Shown<number | null>;
}

export interface QuestionFigures {
  stepId: string;
  questionId: string;
  /** Share answering it right at their first attempt (what people knew) and at their latest (what they learned). */
  answered: Shown<{ firstAttemptRightPercent: number | null; finalRightPercent: number | null }>;
}

export interface StepPulseFigures {
  stepId: string;
  /** `comments` holds the newest COMMENTS_PER_STEP; `commentCount` counts them all. */
  pulse: Shown<{ usefulPercent: number | null; comments: string[]; commentCount: number }>;
}

export interface ProgramEffect {
  programId: string;
  programVersion: number;
  /** When the figures were computed, ISO. */
  at: string;
  overall: Shown<GroupFigures>;
  departments: Array<{ department: string; figures: Shown<GroupFigures> }>;
  managers: Array<{ managerId: string; figures: Shown<GroupFigures> }>;
  statements: StatementFigures[];
  questions: QuestionFigures[];
  steps: StepPulseFigures[];
  /** Check-ins managers were asked about this program's learners, and how many they answered. */
  checkins: Shown<{ asked: number; answered: number; answeredPercent: number | null }>;
  /**
   * Learning-time requests that name this program (./managerInvolvement.ts), added by the job;
   * absent in figures computed before they were counted.
   */
  learningTime?: Shown<RequestFigures>;
}

export interface ProgramEffectInput {
  program: Program;
  enrollments: readonly Enrollment[];
  /** Step rows of those enrollments (others are ignored). */
  steps: readonly StepState[];
  people: ReadonlyMap<string, EffectPerson>;
  now: Date;
}

export function programEffect(input: ProgramEffectInput): ProgramEffect {
  const { program, now } = input;
  const counted = input.enrollments.filter((e) => e.programId === program.id && e.status !== 'withdrawn');
  const ids = new Set(counted.map((e) => e.userId));
  const steps = input.steps.filter((s) => s.programId === program.id && ids.has(s.userId));
  const stepsByPerson = groupBy(steps, (s) => s.userId);
  const group = (members: readonly Enrollment[]): Shown<GroupFigures> =>
    figureAbout(members.length, () =>
      groupFigures(
        program,
        members,
        members.flatMap((e) => stepsByPerson.get(e.userId) ?? []),
        now,
      ),
    );

  const byDepartment = groupBy(counted, (e) => input.people.get(e.userId)?.department ?? NO_DEPARTMENT);
  const byManager = groupBy(
    counted.filter((e) => input.people.get(e.userId)?.managerId),
    (e) => String(input.people.get(e.userId)!.managerId),
  );
  return {
    programId: program.id,
    programVersion: program.version,
    at: now.toISOString(),
    overall: group(counted),
    departments: [...byDepartment]
      .map(([department, members]) => ({ department, figures: group(members) }))
      .sort((a, b) => a.department.localeCompare(b.department)),
    managers: [...byManager]
      .map(([managerId, members]) => ({ managerId, figures: group(members) }))
      .sort((a, b) => a.managerId.localeCompare(b.managerId)),
    statements: statementFigures(program, steps),
    questions: questionFigures(program, steps),
    steps: pulseFigures(program, steps),
    checkins: checkinFigures(program, steps, input.people),
  };
}

function groupFigures(
  program: Program,
  members: readonly Enrollment[],
  steps: readonly StepState[],
  now: Date,
): GroupFigures {
  const completed = members.filter((e) => e.status === 'completed').length;
  const done = steps.filter((s) => s.status === 'done' && s.doneAt !== undefined);
  const onTime = done.filter((s) => Date.parse(s.doneAt!) <= Date.parse(s.dueAt) + ON_TIME_GRACE_MS).length;
  const quizzes = steps.filter((s) => s.firstScore !== undefined);
  const sa = selfAssessmentSteps(program);
  const before = sa.before ? steps.filter((s) => s.stepId === sa.before!.id && ratingsOf(s.answer)) : [];
  const after = sa.after ? steps.filter((s) => s.stepId === sa.after!.id && ratingsOf(s.answer)) : [];
  const beforeByPerson = new Map(before.map((s) => [s.userId, meanRating(s)]));
  const paired = after.filter((s) => beforeByPerson.has(s.userId));
  const answeredSa = new Set([...before, ...after].map((s) => s.userId));
  return {
    enrolled: members.length,
    completed,
    completionPercent: percent(completed, members.length),
    onTime: figureAbout(distinct(done), () => ({
      percent: percent(onTime, done.length),
      stepsDone: done.length,
    })),
    weeklyActive: weeklyActive(members, steps, now),
    quiz: figureAbout(distinct(quizzes), () => ({
      firstAttemptPercent: meanPercent(quizzes.map((s) => s.firstScore!)),
      finalPercent: meanPercent(quizzes.map((s) => s.lastScore ?? s.firstScore!)),
    })),
    selfAssessment: figureAbout(answeredSa.size, () => ({
      before: mean(before.map(meanRating)),
      after: mean(after.map(meanRating)),
      change:
        paired.length >= 5 ? mean(paired.map((s) => meanRating(s) - beforeByPerson.get(s.userId)!)) : null,
    })),
  };
}

/**
 * Each week's share of people who did anything (finished a step, answered a quiz) among those who were
 * enrolled by the week's end and had not finished the program before it began.
 */
function weeklyActive(
  members: readonly Enrollment[],
  steps: readonly StepState[],
  now: Date,
): GroupFigures['weeklyActive'] {
  const activity = groupBy(
    steps.flatMap((s) => (s.doneAt ? [{ userId: s.userId, at: Date.parse(s.doneAt) }] : [])),
    (a) => a.userId,
  );
  return weekStarts(now, EFFECT_WEEKS).map((start) => {
    const from = start.getTime();
    const to = from + WEEK_MS;
    const expected = members.filter(
      (e) =>
        Date.parse(e.enrolledAt) < to && (e.completedAt === undefined || Date.parse(e.completedAt) >= from),
    );
    const active = expected.filter((e) =>
      (activity.get(e.userId) ?? []).some((a) => a.at >= from && a.at < to),
    ).length;
    return { weekStart: start.toISOString(), activePercent: percent(active, expected.length) };
  });
}

function statementFigures(program: Program, steps: readonly StepState[]): StatementFigures[] {
  const { before, after } = selfAssessmentSteps(program);
  const statements = before?.statements ?? after?.statements ?? [];
  const ratings = (step: SelfAssessmentStep | undefined) =>
    new Map(
      step
        ? steps.flatMap((s) => {
            const r = s.stepId === step.id ? ratingsOf(s.answer) : undefined;
            return r ? [[s.userId, r] as const] : [];
          })
        : [],
    );
  const beforeRatings = ratings(before);
  const afterRatings = ratings(after);
  return statements.map(({ id }) => {
    const b = [...beforeRatings].flatMap(([userId, r]) =>
      r[id] === undefined ? [] : [{ userId, r: r[id] }],
    );
    const a = [...afterRatings].flatMap(([userId, r]) => (r[id] === undefined ? [] : [{ userId, r: r[id] }]));
    const beforeOf = new Map(b.map((x) => [x.userId, x.r]));
    const paired = a.filter((x) => beforeOf.has(x.userId));
    return {
      statementId: id,
      before: figureAbout(b.length, () => mean(b.map((x) => x.r))),
      after: figureAbout(a.length, () => mean(a.map((x) => x.r))),
      change: figureAbout(paired.length, () => mean(paired.map((x) => x.r - beforeOf.get(x.userId)!))),
    };
  });
}

function questionFigures(program: Program, steps: readonly StepState[]): QuestionFigures[] {
  return program.steps.flatMap((step) => {
    if (step.kind !== 'quiz') return [];
    const answered = steps.filter((s) => s.stepId === step.id && s.firstRight !== undefined);
    return step.questions.map((q) => {
      const first = answered.filter((s) => idsOf(s.firstRight).includes(q.id)).length;
      const final = answered.filter((s) => idsOf(s.lastRight ?? s.firstRight).includes(q.id)).length;
      return {
        stepId: step.id,
        questionId: q.id,
        answered: figureAbout(answered.length, () => ({
          firstAttemptRightPercent: percent(first, answered.length),
          finalRightPercent: percent(final, answered.length),
        })),
      };
    });
  });
}

function pulseFigures(program: Program, steps: readonly StepState[]): StepPulseFigures[] {
  return program.steps.flatMap((step) => {
    if (step.kind === 'checkin' || step.kind === 'self-assessment') return [];
    const answers = steps.filter((s) => s.stepId === step.id && s.pulseUseful !== undefined);
    return [
      {
        stepId: step.id,
        pulse: figureAbout(answers.length, () => {
          const commented = answers.filter((s) => s.pulseComment);
          return {
            usefulPercent: percent(answers.filter((s) => s.pulseUseful).length, answers.length),
            comments: commented
              .sort((x, y) => (y.pulseAt ?? '').localeCompare(x.pulseAt ?? ''))
              .slice(0, COMMENTS_PER_STEP)
              .map((s) => s.pulseComment!),
            commentCount: commented.length,
          };
        }),
      },
    ];
  });
}

/** A check-in is about the manager's answer, so the five are the managers asked, not the learners. */
function checkinFigures(
  program: Program,
  steps: readonly StepState[],
  people: ReadonlyMap<string, EffectPerson>,
): ProgramEffect['checkins'] {
  const checkinIds = new Set(program.steps.filter((s) => s.kind === 'checkin').map((s) => s.id));
  const asked = steps.filter(
    (s) => checkinIds.has(s.stepId) && (s.sentAt !== undefined || s.status === 'done'),
  );
  const managers = new Set(asked.map((s) => people.get(s.userId)?.managerId ?? `?${s.userId}`));
  const answered = asked.filter((s) => s.status === 'done' && s.answer !== undefined).length;
  return figureAbout(managers.size, () => ({
    asked: asked.length,
    answered,
    answeredPercent: percent(answered, asked.length),
  }));
}

function selfAssessmentSteps(program: Program): { before?: SelfAssessmentStep; after?: SelfAssessmentStep } {
  const sa = program.steps.filter((s): s is SelfAssessmentStep => s.kind === 'self-assessment');
  return { before: sa.find((s) => s.phase === 'before'), after: sa.find((s) => s.phase === 'after') };
}

function meanRating(s: StepState): number {
  const values = Object.values(ratingsOf(s.answer) ?? {});
  return values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
}

function meanPercent(scores: number[]): number | null {
  const m = mean(scores);
  return m === null ? null : Math.round(m * 1000) / 10;
}

function idsOf(json: string | undefined): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function distinct(steps: readonly StepState[]): number {
  return new Set(steps.map((s) => s.userId)).size;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
