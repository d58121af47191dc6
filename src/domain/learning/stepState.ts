export type StepStatus = 'scheduled' | 'sent' | 'done';

/** How a placement quiz was answered: passed (the part is recognised), failed, or declined. */
export type PlacementOutcome = 'passed' | 'failed' | 'declined';

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
  /**
   * Set when the step was not done but recognised by test: the learner passed its part's placement
   * quiz, so its card is never sent. Such a step is `done` (it counts toward completion and
   * certification) and reports count it apart from steps completed.
   */
  recognisedAt?: string;
  /**
   * On the first step of a part with a placement quiz only: when its placement card was sent (an
   * answer is accepted only then), how it was answered, its server-side score (0..1) and when.
   */
  placementSentAt?: string;
  placementResult?: PlacementOutcome;
  placementScore?: number;
  placementAt?: string;
  remindersSent: number;
  attempts: number;
  firstScore?: number;
  lastScore?: number;
  /** The answer as JSON (quiz choices, reflection text, acknowledged version…). */
  answer?: string;
  sharedWithManager?: boolean;
  /**
   * Quiz questions answered right, as JSON arrays of question ids: at the first attempt (what people
   * knew) and at the latest (what they learned). Written by the quiz answer; the effect figures read them.
   */
  firstRight?: string;
  lastRight?: string;
  /** The learner's "useful?" after the item: true or false, with an optional short comment. */
  pulseUseful?: boolean;
  pulseComment?: string;
  pulseAt?: string;
  /** Questions answered wrong that come back later (spaced repetition), as JSON ReviewState[]. */
  reviews?: string;
  etag?: string;
}
