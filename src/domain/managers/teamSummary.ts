// My team's read model: what a manager's list shows about one person, kept beside the manager so the
// whole team is one partition read. Pure: the use cases read and write the rows, these rules shape them.
import type { ReachabilityStage } from '../directory/reachability.ts';
import type { Enrollment } from '../learning/enrollment.ts';
import type { StepState } from '../learning/stepState.ts';
import { MAX_TREE_DEPTH } from './reportingTree.ts';

/**
 * The facts of a step that My team's rules read (overdue, quiz failed twice, ever reached, weekly
 * activity). Never the answer itself: a reflection's text stays in the person's own partition.
 */
export type StepFacts = Pick<
  StepState,
  'programId' | 'stepId' | 'status' | 'dueAt' | 'sentAt' | 'doneAt' | 'attempts' | 'lastScore'
>;

/** An enrollment as a copy shows it: without the row's bookkeeping (its ETag, its copies' state). */
export type EnrollmentFacts = Omit<Enrollment, 'tenantId' | 'userId' | 'etag' | 'teamCopies'>;

/** A person's learning as of the last refresh; My team's figures are computed from it at read time. */
export interface LearningFacts {
  enrollments: EnrollmentFacts[];
  steps: StepFacts[];
}

/** A person as the directory mirror knows them, with what the team list shows. */
export interface TeamDirectoryEntry {
  id: string;
  managerId?: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
  /** False for removed or disabled accounts: they leave every manager's list. */
  active: boolean;
}

/** One person in one manager's partition: depth 1 for a direct report, 2 for a report's report, … */
export interface TeamSummaryMember {
  personId: string;
  managerId?: string;
  depth: number;
  displayName: string;
  jobTitle?: string;
  department?: string;
  learning: LearningFacts;
  reachability?: ReachabilityStage;
  /** The person's summary version that wrote this row; an older version never overwrites it. */
  version: number;
}

/**
 * The person's own bookkeeping row: which managers hold a copy of their summary, and which may still
 * hold an outdated one (after a move) until it is removed. `version` grows by one per refresh; a
 * refresh claims its version by an ETag-guarded write of this row before it writes any copy.
 */
export interface TeamSummaryHome {
  personId: string;
  version: number;
  person: Omit<TeamDirectoryEntry, 'id'>;
  /** The managers above the person, nearest first (each holds a copy at depth index + 1). */
  ancestors: string[];
  /** Managers that held a copy under an earlier version and no longer should. */
  formerAncestors: string[];
}

/** No manager holds a copy of the person's summary, and none may still hold an outdated one. */
export function holdsNoCopies(home: TeamSummaryHome): boolean {
  return home.ancestors.length === 0 && home.formerAncestors.length === 0;
}

export function learningFactsOf(
  enrollments: readonly Enrollment[],
  steps: readonly StepState[],
): LearningFacts {
  return {
    enrollments: enrollments.map(({ tenantId: _t, userId: _u, etag: _e, teamCopies: _c, ...facts }) => facts),
    steps: steps.map((s) => ({
      programId: s.programId,
      stepId: s.stepId,
      status: s.status,
      dueAt: s.dueAt,
      sentAt: s.sentAt,
      doneAt: s.doneAt,
      attempts: s.attempts,
      lastScore: s.lastScore,
    })),
  };
}

export function enrollmentsOf(tenantId: string, userId: string, facts: LearningFacts): Enrollment[] {
  return facts.enrollments.map((e) => ({ ...e, tenantId, userId }));
}

/**
 * The managers whose My team lists the person, nearest first, as the reporting tree sees it: the
 * person must be active; a manager's own manager counts only while that manager is active (a disabled
 * manager leaves their manager's list, and with them their people); a loop ends the line.
 */
export function ancestorsOf(
  person: TeamDirectoryEntry | undefined,
  lookup: (id: string) => TeamDirectoryEntry | undefined,
): string[] {
  if (!person?.active) return [];
  const ancestors: string[] = [];
  const seen = new Set([person.id]);
  let current: TeamDirectoryEntry | undefined = person;
  while (current?.managerId && ancestors.length < MAX_TREE_DEPTH) {
    if (seen.has(current.managerId)) break;
    ancestors.push(current.managerId);
    seen.add(current.managerId);
    const manager = lookup(current.managerId);
    current = manager?.active ? manager : undefined;
  }
  return ancestors;
}

/** The next version of a person's home row: where copies go now, and where old ones must go. */
export function nextHome(
  previous: TeamSummaryHome | undefined,
  personId: string,
  person: Omit<TeamDirectoryEntry, 'id'>,
  ancestors: string[],
): TeamSummaryHome {
  const earlier = previous ? [...previous.ancestors, ...previous.formerAncestors] : [];
  return {
    personId,
    version: (previous?.version ?? 0) + 1,
    person,
    ancestors,
    formerAncestors: [...new Set(earlier)].filter((m) => !ancestors.includes(m)),
  };
}

/** Whether a directory write changes what the person's copies show or where they are. */
export function directoryChanged(home: TeamSummaryHome | undefined, entry: TeamDirectoryEntry): boolean {
  if (!home) return true;
  const p = home.person;
  return (
    p.managerId !== entry.managerId ||
    p.active !== entry.active ||
    p.displayName !== entry.displayName ||
    p.jobTitle !== entry.jobTitle ||
    p.department !== entry.department
  );
}

/** Whether the change moves the person (and everyone below them) to other managers' lists. */
export function reportingLineChanged(home: TeamSummaryHome | undefined, entry: TeamDirectoryEntry): boolean {
  return !home || home.person.managerId !== entry.managerId || home.person.active !== entry.active;
}
