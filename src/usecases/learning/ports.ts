import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { Stored } from '../platform/ports.ts';

/** Ports for learning: enrollments and per-step progress. */

/**
 * Told when a person completes a program (certifications renew on it). Called after the completion
 * is saved, before the answer to the card; it must be quick and safe to call twice.
 */
export interface ProgramCompletionListener {
  programCompleted(completion: {
    tenantId: string;
    userId: string;
    programId: string;
    at: Date;
  }): Promise<void>;
}

export interface EnrollmentStore {
  listForPerson(tenantId: string, userId: string): Promise<Array<Stored<Enrollment>>>;
  listForProgram(tenantId: string, programId: string): Promise<Array<Stored<Enrollment>>>;
  get(tenantId: string, userId: string, programId: string): Promise<Stored<Enrollment> | undefined>;
  /** Idempotent: enrolling twice in the same program keeps the first enrollment. */
  create(enrollment: Enrollment): Promise<'created' | 'exists'>;
  /** Writes the enrollment if nobody changed it since it was read (its etag); 'conflict' otherwise. */
  update(enrollment: Stored<Enrollment>): Promise<'updated' | 'conflict'>;
}

export interface StepStore {
  listForEnrollment(tenantId: string, userId: string, programId: string): Promise<Array<Stored<StepState>>>;
  get(
    tenantId: string,
    userId: string,
    programId: string,
    stepId: string,
  ): Promise<Stored<StepState> | undefined>;
  /** Insert-only: the first schedule of a step wins, so enrolling twice changes nothing. */
  create(state: StepState): Promise<'created' | 'exists'>;
  /**
   * `create` for each of an enrollment's new steps, in order: what follows every write (My team's
   * summary) follows once, after the last, instead of once per step.
   */
  createAll(states: readonly StepState[]): Promise<Array<'created' | 'exists'>>;
  /** Writes the step if nobody changed it since it was read (its etag); 'conflict' otherwise. */
  update(state: Stored<StepState>): Promise<'updated' | 'conflict'>;
}

export interface EnrollmentWithSteps {
  enrollment?: Stored<Enrollment>;
  steps: Array<Stored<StepState>>;
}

export interface PersonProgress {
  enrollments: Array<Stored<Enrollment>>;
  steps: Array<Stored<StepState>>;
}

/** An enrollment together with its steps: what an answer to a card reads and writes. */
export interface ProgressStore {
  /** The enrollment and every step state of it, in one read; no enrollment when there is none. */
  load(tenantId: string, userId: string, programId: string): Promise<EnrollmentWithSteps>;
  /** Every enrollment of one person with every step of each: their whole partition, one query. */
  loadPerson(tenantId: string, userId: string): Promise<PersonProgress>;
  /**
   * Writes a step and its enrollment together, only if neither changed since they were read (their
   * etags); on 'conflict' nothing was written.
   */
  saveStepAndEnrollment(
    step: Stored<StepState>,
    enrollment: Stored<Enrollment>,
  ): Promise<'updated' | 'conflict'>;
  /**
   * Sets `teamCopies: 'some'` on one person's enrollments, only if none changed since they were read
   * (their etags); on 'conflict' it may have marked some of them ('some' is always safe to hold).
   */
  markTeamCopies(enrollments: ReadonlyArray<Stored<Enrollment>>): Promise<'updated' | 'conflict'>;
}
