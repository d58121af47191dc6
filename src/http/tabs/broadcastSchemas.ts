import { z } from 'zod';
import { AUDIENCE_EXPRESSION_MAX_LENGTH } from '../../domain/broadcasts/audienceExpression.ts';
import { GUIDELINE_LIMITS, type GuidelineProblem } from '../../domain/broadcasts/broadcast.ts';
import type {
  AudienceBody,
  BroadcastCorrectionBody,
  BroadcastCreateBody,
  BroadcastSendBody,
  GuidelineDraftBody,
  ReminderSettingsBody,
} from './contract.ts';

/**
 * Validation of the broadcasts routes' bodies, with size limits (the shapes; the guideline's own
 * rules are the domain's, src/domain/broadcasts/broadcast.ts). Checked against the contract's types
 * at compile time (the `satisfies` lines).
 */

/** The body of POST /admin/audience and POST /admin/broadcasts may carry a pasted list. */
export const ADDRESS_LIST_BODY_LIMIT = '1mb';
const ADDRESS_TEXT_MAX = 1_000_000;

const Variant = z.strictObject({
  title: z.string().max(GUIDELINE_LIMITS.titleMax * 2, `at most ${GUIDELINE_LIMITS.titleMax} characters`),
  body: z.string().max(GUIDELINE_LIMITS.bodyMax * 2, `at most ${GUIDELINE_LIMITS.bodyMax} characters`),
});
const Language = z.enum(['en', 'nb', 'sv'], { error: "must be 'en', 'nb' or 'sv'" });

export const GuidelineDraftSchema = z.strictObject({
  variants: z.strictObject({ en: Variant.optional(), nb: Variant.optional(), sv: Variant.optional() }),
  defaultLanguage: Language,
  link: z.string().max(GUIDELINE_LIMITS.linkMax, `at most ${GUIDELINE_LIMITS.linkMax} characters`).optional(),
  requiresAcknowledgement: z.boolean({ error: 'must be true or false' }),
  dueDate: z.iso.date({ error: 'must be a day, YYYY-MM-DD' }).optional(),
});
GuidelineDraftSchema.parse satisfies (input: unknown) => GuidelineDraftBody;

export const AudienceSchema = z.strictObject({
  expression: z
    .string()
    .max(AUDIENCE_EXPRESSION_MAX_LENGTH, `at most ${AUDIENCE_EXPRESSION_MAX_LENGTH} characters`)
    .optional(),
  addresses: z.string().max(ADDRESS_TEXT_MAX, 'at most 1,000,000 characters').optional(),
});
AudienceSchema.parse satisfies (input: unknown) => AudienceBody;

export const ReminderSettingsSchema = z.strictObject({
  afterDays: z.int({ error: 'must be a whole number of days' }).min(1, 'at least 1').max(30, 'at most 30'),
  maxReminders: z.int({ error: 'must be a whole number' }).min(0, 'at least 0').max(10, 'at most 10'),
});
ReminderSettingsSchema.parse satisfies (input: unknown) => ReminderSettingsBody;

const At = z.iso.datetime({
  offset: true,
  error: 'must be an ISO date-time with a zone, e.g. 2026-12-01T08:00:00Z',
});

export const BroadcastCreateSchema = z.strictObject({
  draft: GuidelineDraftSchema,
  audience: AudienceSchema,
  reminders: ReminderSettingsSchema.optional(),
  send: z.strictObject({ at: At.optional() }).optional(),
  skipUnmatched: z.boolean().optional(),
});
BroadcastCreateSchema.parse satisfies (input: unknown) => BroadcastCreateBody;

export const BroadcastSendSchema = z.strictObject({ at: At.optional() });
BroadcastSendSchema.parse satisfies (input: unknown) => BroadcastSendBody;

export const BroadcastCorrectionSchema = z.strictObject({
  draft: GuidelineDraftSchema,
  changeNote: z
    .string()
    .max(GUIDELINE_LIMITS.changeNoteMax * 2, `at most ${GUIDELINE_LIMITS.changeNoteMax} characters`),
});
BroadcastCorrectionSchema.parse satisfies (input: unknown) => BroadcastCorrectionBody;

/** Broadcast ids are UUIDs Drypp made. */
export const BroadcastIdParam = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be a broadcast id' });

/** English for developers (the tab translates paths): why a part of a guideline was refused. */
export function guidelineIssue(p: GuidelineProblem, prefix: string): { path: string; message: string } {
  const message =
    p.problem === 'missing'
      ? 'must not be empty'
      : p.problem === 'tooLong'
        ? p.path.endsWith('title')
          ? `at most ${GUIDELINE_LIMITS.titleMax} characters`
          : p.path === 'link'
            ? `at most ${GUIDELINE_LIMITS.linkMax} characters`
            : `at most ${GUIDELINE_LIMITS.bodyMax} characters`
        : p.problem === 'notOneLine'
          ? p.path.endsWith('title')
            ? 'must be one line of text'
            : 'must not hold control characters'
          : p.problem === 'notHttps'
            ? 'must be an https URL'
            : p.problem === 'notADay'
              ? 'must be a day, YYYY-MM-DD'
              : p.problem === 'noVariant'
                ? 'give at least one language'
                : 'must be one of the languages given';
  return { path: `${prefix}${p.path}`, message };
}
