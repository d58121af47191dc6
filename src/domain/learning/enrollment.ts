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
  /** The row's ETag, for updates that must not overwrite a concurrent change. */
  etag?: string;
}
