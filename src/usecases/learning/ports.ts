/**
 * Ports for learning in chat: per-step progress, the schedule of due work, delivery records, the
 * scheduler's lease, the people Drypp knows, and sending to a person's chat.
 */

export type StepStatus = 'scheduled' | 'sent' | 'done';

export interface ReviewState {
  questionId: string;
  timesWrong: number;
  dueAt: string;
}

export interface StepState {
  tenantId: string;
  userId: string;
  programId: string;
  stepId: string;
  programVersion: number;
  dueAt: string;
  status: StepStatus;
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

export interface StepStore {
  listForEnrollment(tenantId: string, userId: string, programId: string): Promise<StepState[]>;
  get(tenantId: string, userId: string, programId: string, stepId: string): Promise<StepState | undefined>;
  /** Insert-only: the first schedule of a step wins, so enrolling twice changes nothing. */
  create(state: StepState): Promise<'created' | 'exists'>;
  update(state: StepState): Promise<'updated' | 'conflict'>;
}

/** What kind of card a piece of due work sends. */
export type DueKind = 'step' | 'reminder' | 'review';

/** One card that must go out at `at` (or the first allowed moment after it). */
export interface DueWork {
  tenantId: string;
  at: string;
  userId: string;
  programId: string;
  stepId: string;
  kind: DueKind;
  /** Which reminder or review this is (1, 2, …); 0 for the step itself. */
  n: number;
  questionId?: string;
}

/** The identity of a card: the same work always has the same key, wherever and however often it runs. */
export function deliveryKey(
  w: Pick<DueWork, 'userId' | 'programId' | 'stepId' | 'kind' | 'n' | 'questionId'>,
): string {
  return [w.userId, w.programId, w.stepId, w.kind, String(w.n), w.questionId ?? '-'].join('|');
}

export interface DueWorkStore {
  add(work: DueWork): Promise<void>;
  listDue(tenantId: string, now: Date, limit: number): Promise<DueWork[]>;
  remove(work: DueWork): Promise<void>;
  /** Moves work to a later time (outside working hours, over the daily cap, throttled). */
  move(work: DueWork, at: Date): Promise<DueWork>;
  listForPerson(tenantId: string, userId: string): Promise<DueWork[]>;
}

export type DeliveryStatus = 'sending' | 'sent' | 'failed';

export interface Delivery {
  tenantId: string;
  key: string;
  status: DeliveryStatus;
  startedAt: string;
  sentAt?: string;
  activityId?: string;
  failure?: string;
  etag?: string;
}

export interface DeliveryStore {
  /** Records the attempt before the send; 'exists' returns the earlier record. */
  begin(d: Delivery): Promise<{ created: true } | { created: false; existing: Delivery }>;
  finish(d: Delivery): Promise<'updated' | 'conflict'>;
  countSentOnDay(tenantId: string, userId: string, localDay: string): Promise<number>;
  recordSentOnDay(tenantId: string, userId: string, localDay: string, key: string): Promise<void>;
}

/** A lease on a named job per tenant: only its holder works, until it expires. */
export interface LeaseStore {
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export interface Person {
  tenantId: string;
  id: string; // Entra object id
  userPrincipalName: string;
  displayName: string;
  timeZone?: string;
  preferredLanguage?: string;
  managerId?: string;
  department?: string;
  jobTitle?: string;
  hireDate?: string;
}

export interface PeopleStore {
  upsert(person: Person): Promise<void>;
  get(tenantId: string, id: string): Promise<Person | undefined>;
  findByUpn(tenantId: string, upn: string): Promise<Person | undefined>;
  /** Tenants Drypp has people in (the scheduler's list of partitions to scan). */
  tenants(): Promise<string[]>;
}

export type SendResult =
  | { ok: true; activityId: string }
  | { ok: false; retryable: true; retryAfterMs: number; reason: string }
  | { ok: false; retryable: false; reason: string };

/** Sends a card into a person's personal chat with Drypp, proactively. */
export interface ChatSender {
  sendCard(tenantId: string, userId: string, card: object): Promise<SendResult>;
}
