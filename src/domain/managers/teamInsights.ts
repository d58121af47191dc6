// What a manager sees about their people: each one's programs, what is overdue, what needs them,
// and the team's weekly activity. Pure: the use case reads the rows, these rules read them.
import type { Enrollment } from '../learning/enrollment.ts';
import { openItems, quizzesFailedTwice, type OpenItem } from '../learning/learningProgress.ts';
import type { Program } from '../learning/program.ts';
import type { StepFacts } from './teamSummary.ts';
import { viewFactsOf, type TeamEnrollmentFacts, type TeamViewFacts } from './teamViewFacts.ts';

const DAY_MS = 86_400_000;
export const INACTIVE_AFTER_MS = 14 * DAY_MS;
export const ACTIVITY_WEEKS = 12;

export interface MemberProgram<E extends TeamEnrollmentFacts = Enrollment> {
  enrollment: E;
  program?: Program;
  overdue: OpenItem[];
  due: OpenItem[];
  quizzesFailedTwice: string[];
}

export interface MemberSummary<E extends TeamEnrollmentFacts = Enrollment> {
  programs: MemberProgram<E>[];
  overdueMandatory: OpenItem[];
  lastActivityAt?: string;
  /** Active in nothing for 14 days while enrolled in something active. */
  inactive: boolean;
  /** Whether any card ever reached the person (if not, reachability is worth showing). */
  everReached: boolean;
}

export function summarizeMember(
  enrollments: readonly Enrollment[],
  steps: readonly StepFacts[],
  findProgram: (id: string) => Program | undefined,
  now: Date,
): MemberSummary {
  return summarizeFacts(viewFactsOf(enrollments, steps), findProgram, now);
}

/** The same summary from the facts My team keeps per person (teamViewFacts.ts). */
export function summarizeFacts<E extends TeamEnrollmentFacts>(
  facts: TeamViewFacts<E>,
  findProgram: (id: string) => Program | undefined,
  now: Date,
): MemberSummary<E> {
  const { enrollments } = facts;
  const open = byProgram(facts.open);
  const retried = byProgram(facts.retried);
  const programs: MemberProgram<E>[] = [];
  const overdueMandatory: OpenItem[] = [];
  let active = 0;
  // Plain loops: this runs for every person of a manager's team on every My team call.
  let lastActivityAt: string | undefined;
  let firstActiveEnrolledAt: string | undefined;
  for (const enrollment of enrollments) {
    const last = enrollment.lastActiveAt;
    if (last && (lastActivityAt === undefined || last > lastActivityAt)) lastActivityAt = last;
    const program = findProgram(enrollment.programId);
    const { due, overdue } = openItems(enrollment, program, open.get(enrollment.programId) ?? [], now);
    const isActive = enrollment.status === 'active';
    if (isActive) {
      active++;
      const enrolled = enrollment.enrolledAt;
      if (enrolled && (firstActiveEnrolledAt === undefined || enrolled < firstActiveEnrolledAt)) {
        firstActiveEnrolledAt = enrolled;
      }
    }
    programs.push({
      enrollment,
      program,
      overdue,
      due,
      quizzesFailedTwice: isActive
        ? quizzesFailedTwice(program, retried.get(enrollment.programId) ?? [])
        : [],
    });
    if (program?.mandatory) for (const i of overdue) if (!i.optional) overdueMandatory.push(i);
  }
  const since = lastActivityAt ?? firstActiveEnrolledAt;
  return {
    programs,
    overdueMandatory,
    lastActivityAt,
    inactive: active > 0 && since !== undefined && now.getTime() - Date.parse(since) > INACTIVE_AFTER_MS,
    everReached: facts.everReached,
  };
}

/** One pass over a person's steps (a manager's team has thousands), instead of one per enrollment. */
function byProgram<T extends { programId: string }>(steps: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const step of steps) {
    const mine = grouped.get(step.programId);
    if (mine) mine.push(step);
    else grouped.set(step.programId, [step]);
  }
  return grouped;
}

export interface WeekActivity {
  weekStart: string;
  stepsDone: number;
  activePeople: number;
}

/** Steps done per Monday-based UTC week, the last 12 weeks including this one, oldest first. */
export function weeklyActivity(donePerPerson: ReadonlyArray<readonly string[]>, now: Date): WeekActivity[] {
  const thisWeek = mondayOf(now);
  const weeks = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => ({
    start: thisWeek - (ACTIVITY_WEEKS - 1 - i) * 7 * DAY_MS,
    stepsDone: 0,
    people: new Set<number>(),
  }));
  donePerPerson.forEach((doneAts, person) => {
    for (const doneAt of doneAts) {
      const index = (mondayOfTime(Date.parse(doneAt)) - weeks[0]!.start) / (7 * DAY_MS);
      const week = weeks[index];
      if (!week) continue;
      week.stepsDone++;
      week.people.add(person);
    }
  });
  return weeks.map((w) => ({
    weekStart: new Date(w.start).toISOString().slice(0, 10),
    stepsDone: w.stepsDone,
    activePeople: w.people.size,
  }));
}

function mondayOf(date: Date): number {
  return mondayOfTime(date.getTime());
}

/** The UTC Monday 00:00 of a time's week, by arithmetic (a team's done steps are thousands of dates). */
function mondayOfTime(time: number): number {
  const days = Math.floor(time / DAY_MS);
  // 1 January 1970 was a Thursday: 3 days after a Monday.
  const sinceMonday = (((days + 3) % 7) + 7) % 7;
  return (days - sinceMonday) * DAY_MS;
}

export interface MonthMinutes {
  month: string;
  approvedMinutes: number;
  spentMinutes: number;
}

/**
 * Approved learning time (by the day it is for) and minutes spent (each done step's estimate, by
 * the day it was done) per UTC month, the last `months` months including this one, oldest first.
 */
export function minutesPerMonth(
  approved: ReadonlyArray<{ date: string; minutes: number }>,
  done: ReadonlyArray<{ doneAt: string; minutes: number }>,
  now: Date,
  months = 6,
): MonthMinutes[] {
  const keys = Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1))
      .toISOString()
      .slice(0, 7),
  );
  const rows = new Map(keys.map((k) => [k, { month: k, approvedMinutes: 0, spentMinutes: 0 }]));
  for (const a of approved) {
    const row = rows.get(a.date.slice(0, 7));
    if (row) row.approvedMinutes += a.minutes;
  }
  for (const d of done) {
    const row = rows.get(d.doneAt.slice(0, 7));
    if (row) row.spentMinutes += d.minutes;
  }
  return [...rows.values()];
}
