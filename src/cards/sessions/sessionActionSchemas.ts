import { z } from 'zod';
import { StepActionDataSchema, cardDataLimits } from '../learning/steps/stepActionSchemas.ts';
import { sessionCardVerbs, type SessionCardVerb } from '../platform/cardVerbs.ts';

/** Input ids of the session cards. */
export const sessionInputIds = { sessionId: 'sessionId' } as const;

const Slug = z
  .string()
  .max(cardDataLimits.idLength)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const ObjectId = z
  .string()
  .max(cardDataLimits.idLength)
  .regex(/^[A-Za-z0-9-]+$/);

/** The choice set's value: a session id, or "" when nothing was chosen (the use case says so). */
const PickDataSchema = StepActionDataSchema.extend({
  [sessionInputIds.sessionId]: z
    .union([Slug, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
});

/** Whose attendance at which session; who may mark it is decided on the server, never from this. */
const MarkAttendanceDataSchema = z.object({
  programId: Slug,
  stepId: Slug,
  sessionId: Slug,
  learnerId: ObjectId,
  attended: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  msteams: z.looseObject({}).optional(),
});

export const sessionActionSchemas = {
  [sessionCardVerbs.showSessions]: StepActionDataSchema,
  [sessionCardVerbs.pickSession]: PickDataSchema,
  [sessionCardVerbs.cancelSession]: StepActionDataSchema,
  [sessionCardVerbs.markAttendance]: MarkAttendanceDataSchema,
  // The learner's ids: the assessor's card is about them.
  [sessionCardVerbs.signOffExercise]: StepActionDataSchema,
} as const satisfies Record<SessionCardVerb, z.ZodType>;
