import type { CheckinAnswer } from '../../domain/managers/checkin.ts';
import type { LearningTimeRequest } from '../../domain/managers/learningTimeRequest.ts';

import type { Stored } from '../platform/ports.ts';

/** Ports for the managers capability: learning-time requests, check-in answers, the calendar. */

export interface LearningTimeStore {
  /** Insert-only: the same request id twice (a double click) keeps the first. */
  create(request: LearningTimeRequest): Promise<'created' | 'exists'>;
  get(tenantId: string, id: string): Promise<Stored<LearningTimeRequest> | undefined>;
  /** Writes the request if nobody changed it since it was read (its etag); 'conflict' otherwise. */
  update(request: Stored<LearningTimeRequest>): Promise<'updated' | 'conflict'>;
  listForLearner(tenantId: string, learnerId: string): Promise<LearningTimeRequest[]>;
  listPending(tenantId: string): Promise<LearningTimeRequest[]>;
  /** Requests whose cards or booking are still to do (the follow-up job's list). */
  listWithFollowUp(tenantId: string, limit: number): Promise<LearningTimeRequest[]>;
}

export interface CheckinStore {
  /** Insert-only per learner, program and step: the first answer stays. */
  save(answer: CheckinAnswer): Promise<'saved' | 'exists'>;
  get(
    tenantId: string,
    learnerId: string,
    programId: string,
    stepId: string,
  ): Promise<CheckinAnswer | undefined>;
  listForLearner(tenantId: string, learnerId: string): Promise<CheckinAnswer[]>;
}

export interface CalendarEvent {
  subject: string;
  body: string;
  /** Local date-time without offset, in `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
  transactionId: string;
}

export type BookingResult =
  | { kind: 'booked'; eventId: string }
  | { kind: 'retry'; afterMs: number; reason: string }
  | { kind: 'failed'; reason: string };

/** Puts an event into a person's calendar (Graph `POST /users/{id}/events`). */
export interface CalendarBooker {
  createEvent(tenantId: string, userId: string, event: CalendarEvent): Promise<BookingResult>;
}
