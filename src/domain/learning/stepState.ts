export type StepStatus = 'scheduled' | 'sent' | 'done';

export interface ReviewState {
  questionId: string;
  timesWrong: number;
  dueAt: string;
}

/** One person's progress on one step of a program. */
export interface StepState {
  tenantId: string;
  userId: string;
  programId: string;
  stepId: string;
  programVersion: number;
  dueAt: string;
  status: StepStatus;
  /** When Drypp first sent the card (recorded just before the send; a failed send is tried again). */
  sentAt?: string;
  doneAt?: string;
  remindersSent: number;
  attempts: number;
  firstScore?: number;
  lastScore?: number;
  /** The answer as JSON (quiz choices, reflection text, acknowledged version…). */
  answer?: string;
  sharedWithManager?: boolean;
  /** Questions answered wrong that come back later (spaced repetition), as JSON ReviewState[]. */
  reviews?: string;
  etag?: string;
}
