// The certification model: which program certifies, how long a certificate is valid, when renewal
// opens, what the next expiry counts from, and when people are reminded. Pure: the loader in
// src/content reads content/certifications/*.yaml into CertificationSchema.
import { z } from 'zod';
import { LanguageCode, LocalizedText, Slug } from '../learning/program.ts';

/** `MM-DD`, a day every year has (29 February is refused: three years in four it does not exist). */
const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'use MM-DD, e.g. "09-01" for 1 September')
  .refine((d) => isRealMonthDay(d), 'not a day every year has (29 February is not)');

const Days = z.int().min(1).max(3650);

/**
 * What the next expiry counts from:
 * - `completion`: the day the (refresher) program was completed, plus the validity;
 * - `previousExpiry`: a renewal inside the window adds the validity to the previous expiry, so
 *   renewing early costs nothing;
 * - `fixedDate`: everyone's certificate runs out on the same day of the year (`fixedDate.date`); a
 *   renewal inside the window moves it one cycle on. The first certification (a new hire, someone
 *   certified mid-cycle) follows the explicit `fixedDate.midCycle` rule.
 * Whatever the rule, a renewal after the certificate expired counts from its completion date:
 * nobody redoes the periods they missed.
 */
export const EXPIRY_BASES = ['completion', 'previousExpiry', 'fixedDate'] as const;
export type ExpiryBasis = (typeof EXPIRY_BASES)[number];

/**
 * Where someone certified outside the common cycle joins it:
 * - `nextDate`: at the first fixed date whose renewal window has not opened yet (certified in
 *   March for a 1 September date: valid until 1 September, plus whole years beyond 12 months;
 *   certified in August, inside the window: until 1 September of the next year);
 * - `fullPeriod`: at the first fixed date at least the full validity after completion (always the
 *   whole period, sometimes up to a year more).
 */
export const MID_CYCLE_RULES = ['nextDate', 'fullPeriod'] as const;
export type MidCycleRule = (typeof MID_CYCLE_RULES)[number];

export const CertificationSchema = z
  .strictObject({
    id: Slug,
    /** Raise it when the rules change; recorded on each cycle so history says which rules applied. */
    version: z.int().min(1),
    languages: z
      .array(LanguageCode)
      .min(1)
      .refine((l) => l.includes('en'), 'languages must include en'),
    title: LocalizedText,
    /** The full program: the first certification, and again after a certificate expired. */
    program: Slug,
    /** The shorter program that renews inside the window; without it, the full program renews. */
    refresherProgram: Slug.optional(),
    /** A first certification is due this many days after it is assigned; after that it is overdue. */
    firstDueDays: Days,
    validity: z.union([z.strictObject({ months: z.int().min(1).max(120) }), z.strictObject({ days: Days })], {
      error: 'validity must be { months: N } or { days: N }',
    }),
    /** The renewal window opens this many days before expiry (the refresher is assigned then). */
    renewalWindowDays: Days,
    expiryCountsFrom: z.enum(EXPIRY_BASES),
    fixedDate: z.strictObject({ date: MonthDay, midCycle: z.enum(MID_CYCLE_RULES) }).optional(),
    reminders: z
      .strictObject({
        /** "Due in N days", before a first certification's due date. */
        beforeDueDays: z.array(Days).default([]),
        /** "Expires in N days", inside the renewal window. */
        beforeExpiryDays: z.array(Days).default([]),
      })
      .default({ beforeDueDays: [], beforeExpiryDays: [] }),
  })
  .superRefine((c, ctx) => checkCertification(c, ctx));

export type Certification = z.infer<typeof CertificationSchema>;
export type CertificationInput = z.input<typeof CertificationSchema>;

/** Every user-facing text field; each must be there in every listed language. */
export const CERTIFICATION_LOCALIZED_FIELDS = ['title'] as const;

/** The programs a certification names, for the loader to check that they exist. */
export function programsOf(c: Pick<Certification, 'program' | 'refresherProgram'>): string[] {
  return c.refresherProgram ? [c.program, c.refresherProgram] : [c.program];
}

/** The program that renews inside the window. */
export function renewalProgramOf(c: Certification): string {
  return c.refresherProgram ?? c.program;
}

/** About how many days a certificate is valid, for checks that compare it with other periods. */
export function approximateValidityDays(c: Pick<Certification, 'validity'>): number {
  return 'days' in c.validity ? c.validity.days : Math.floor(c.validity.months * 30.4);
}

function checkCertification(c: Certification, ctx: z.RefinementCtx): void {
  const validDays = approximateValidityDays(c);
  if (c.renewalWindowDays >= validDays) {
    ctx.addIssue({
      code: 'custom',
      path: ['renewalWindowDays'],
      message: `the renewal window (${c.renewalWindowDays} days) must be shorter than the validity (about ${validDays} days)`,
    });
  }
  if (c.expiryCountsFrom === 'fixedDate') {
    if (c.fixedDate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['fixedDate'],
        message:
          'expiryCountsFrom: fixedDate needs fixedDate: { date: "MM-DD", midCycle: nextDate or fullPeriod } ' +
          '(midCycle says where people certified outside the cycle join it)',
      });
    }
    if (!('months' in c.validity) || c.validity.months % 12 !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['validity'],
        message:
          'with a fixed yearly date the validity must be whole years: { months: 12 }, { months: 24 }, …',
      });
    }
  } else if (c.fixedDate !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['fixedDate'],
      message: `fixedDate is only read with expiryCountsFrom: fixedDate (here: ${c.expiryCountsFrom})`,
    });
  }
  if (c.refresherProgram !== undefined && c.refresherProgram === c.program) {
    ctx.addIssue({
      code: 'custom',
      path: ['refresherProgram'],
      message: 'the refresher is the full program itself: leave refresherProgram out',
    });
  }
  c.reminders.beforeDueDays.forEach((days, i) => {
    if (days >= c.firstDueDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminders', 'beforeDueDays', i],
        message: `${days} days before the due date is on or before the day it is assigned (firstDueDays: ${c.firstDueDays})`,
      });
    }
  });
  c.reminders.beforeExpiryDays.forEach((days, i) => {
    if (days > c.renewalWindowDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminders', 'beforeExpiryDays', i],
        message: `${days} days before expiry is before the renewal window opens (${c.renewalWindowDays} days): nobody could renew yet`,
      });
    }
  });
  reportRepeats(c.reminders.beforeDueDays, ['reminders', 'beforeDueDays'], ctx);
  reportRepeats(c.reminders.beforeExpiryDays, ['reminders', 'beforeExpiryDays'], ctx);
  const missing = CERTIFICATION_LOCALIZED_FIELDS.flatMap((field) =>
    c.languages.filter((l) => c[field][l] === undefined).map((l) => ({ field, l })),
  );
  for (const { field, l } of missing) {
    ctx.addIssue({ code: 'custom', path: [field], message: `missing text for ${l}` });
  }
}

function reportRepeats(values: number[], path: (string | number)[], ctx: z.RefinementCtx): void {
  values.forEach((v, i) => {
    if (values.indexOf(v) !== i)
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `${v} is listed twice` });
  });
}

function isRealMonthDay(monthDay: string): boolean {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  // 2023 is not a leap year: a day that exists in it exists every year.
  const date = new Date(Date.UTC(2023, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
