export type EnrollmentStatus = 'active' | 'completed' | 'withdrawn' | 'expired';

/** A person's enrollment in one program; progress figures are kept here so "my learning" is one query. */
export interface Enrollment {
  tenantId: string;
  userId: string;
  programId: string;
  programVersion: number;
  status: EnrollmentStatus;
  enrolledAt: string;
  completedSteps: number;
  totalSteps: number;
  nextDueAt?: string;
  /** The anchor of the schedule (ISO), and the hire date when the program counts from it. */
  startAt?: string;
  hireDate?: string;
  timeZone?: string;
  /** Last time the person answered anything in this program (engagement). */
  lastActiveAt?: string;
  completedAt?: string;
  /**
   * How many times the program was started again after it ended (a certification's refresher each
   * cycle, the full course after an expiry); absent for the first time. Part of every card's key, so
   * a card of round 2 is a card of its own, never taken for the one sent in round 1.
   */
  round?: number;
  /** What started the current round (e.g. `cert|smoke-diving|c2|window`): starting it twice is once. */
  roundKey?: string;
  /**
   * Whether a manager's My team may hold a copy of this person's summary, as the team summaries
   * last told it: 'none' lets an answer skip refreshing them (nothing to rewrite), 'some' does not,
   * absent is not known yet. A refresh that writes copies sets 'some' first, guarded by this row's
   * ETag, so an answer that read 'none' and saves after it fails its ETag check and runs again
   * (usecases/managers/team/keepTeamSummaries.ts).
   */
  teamCopies?: 'none' | 'some';
  /** The row's ETag, for updates that must not overwrite a concurrent change. */
  etag?: string;
}
