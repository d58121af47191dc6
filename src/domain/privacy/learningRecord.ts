// What Drypp tells a learning record store about someone's learning: one record per answer, made by
// the learning use cases and sent later through a queue (src/usecases/privacy/sendLearningRecords.ts).
// A record names the person by Entra object id; the xAPI statements built from it never do (they
// carry the person's pseudonym, see ./xapiStatements.ts). Pure: types and the schema of a queued record.
import { z } from 'zod';

export type LearningEvent =
  | { kind: 'lessonExperienced'; programId: string; stepId: string }
  | {
      kind: 'quizAnswered';
      programId: string;
      stepId: string;
      attempt: number;
      /** Share of questions right, 0..1. */
      score: number;
      passed: boolean;
      /** Passed, or no attempts left: the quiz's own outcome (passed/failed) goes with this attempt. */
      finished: boolean;
    }
  | { kind: 'sessionAttended'; programId: string; stepId: string }
  | { kind: 'guidelineAcknowledged'; programId: string; stepId: string; textVersion: string }
  | { kind: 'programCompleted'; programId: string }
  | { kind: 'certificationEarned'; certificationId: string; issuedAt: string; expiresAt?: string };

export interface LearningRecord {
  tenantId: string;
  personId: string;
  /** When it happened (ISO 8601): the statements' timestamp, so a resend builds the same statements. */
  at: string;
  /** The language the person learns in (nb, sv, en): activity names and the statements' language. */
  language?: string;
  events: LearningEvent[];
}

/**
 * A queue message: one record (what an answer puts on the queue), or several (a bulk producer, up to
 * MAX_RECORDS_PER_MESSAGE, so that one receive of 32 messages and their deletes carry many statements).
 */
export interface LearningRecordBatch {
  records: LearningRecord[];
}
export const MAX_RECORDS_PER_MESSAGE = 16;

const id = z.string().min(1).max(200);
const iso = z.string().min(10).max(40);

/** A record as it comes off the queue: anything else is set aside, never sent. */
export const LearningRecordSchema: z.ZodType<LearningRecord> = z.strictObject({
  tenantId: id,
  personId: id,
  at: iso,
  language: z.string().max(20).optional(),
  events: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('lessonExperienced'), programId: id, stepId: id }),
        z.strictObject({
          kind: z.literal('quizAnswered'),
          programId: id,
          stepId: id,
          attempt: z.int().min(1).max(100),
          score: z.number().min(0).max(1),
          passed: z.boolean(),
          finished: z.boolean(),
        }),
        z.strictObject({ kind: z.literal('sessionAttended'), programId: id, stepId: id }),
        z.strictObject({
          kind: z.literal('guidelineAcknowledged'),
          programId: id,
          stepId: id,
          textVersion: id,
        }),
        z.strictObject({ kind: z.literal('programCompleted'), programId: id }),
        z.strictObject({
          kind: z.literal('certificationEarned'),
          certificationId: id,
          issuedAt: iso,
          expiresAt: iso.optional(),
        }),
      ]),
    )
    .min(1)
    .max(20),
});

/** A message off the queue, either shape, as a batch of records. */
export const LearningRecordMessageSchema: z.ZodType<LearningRecordBatch> = z.union([
  LearningRecordSchema.transform((record) => ({ records: [record] })),
  z.strictObject({ records: z.array(LearningRecordSchema).min(1).max(MAX_RECORDS_PER_MESSAGE) }),
]) as unknown as z.ZodType<LearningRecordBatch>;
