import { z } from 'zod';
import type { LearningTimeDecisionBody, LearningTimeRequestBody, RecognitionBody } from './contract.ts';

/**
 * Validation of the tab API's request bodies and path parameters, with size limits. The contract's
 * types say what the front end sends; these schemas are checked against them at compile time (the
 * `satisfies` lines), so the two cannot drift apart.
 */

/** An Entra object id (a GUID), the only kind of person id the API accepts in a path. */
export const PersonIdParam = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    error: 'must be an object id (GUID)',
  });

/** Request ids are ours: letters, digits, hyphens, at most 64. */
export const RequestIdParam = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be a request id' });

const Day = z.iso.date({ error: 'must be a day, YYYY-MM-DD' });
const OneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    // Control characters (line breaks included) are exactly what a one-line text must not hold.
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must be one line of text');

export const LearningTimeRequestSchema = z
  .strictObject({
    date: Day,
    minutes: z
      .int({ error: 'must be a whole number of minutes' })
      .min(15, 'at least 15')
      .max(480, 'at most 480'),
    programId: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a program id')
      .max(64)
      .optional(),
    purpose: OneLine(200).optional(),
  })
  .refine((b) => (b.programId === undefined) !== (b.purpose === undefined), {
    message: 'give either programId or purpose',
    path: ['purpose'],
  });
LearningTimeRequestSchema.parse satisfies (input: unknown) => LearningTimeRequestBody;

export const LearningTimeDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'deny'], { error: "must be 'approve' or 'deny'" }),
  comment: z.string().trim().max(500, 'at most 500 characters').optional(),
});
LearningTimeDecisionSchema.parse satisfies (input: unknown) => LearningTimeDecisionBody;

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an id')
  .max(64);
export const RecognitionSchema = z
  .strictObject({ text: OneLine(280), programId: Slug.optional(), stepId: Slug.optional() })
  .refine((b) => b.stepId === undefined || b.programId !== undefined, {
    message: 'a stepId needs its programId',
    path: ['programId'],
  });
RecognitionSchema.parse satisfies (input: unknown) => RecognitionBody;
