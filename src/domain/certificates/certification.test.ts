import { describe, expect, it } from 'vitest';
import { CertificationSchema, type CertificationInput } from './certification.ts';

const base: CertificationInput = {
  id: 'first-aid',
  version: 1,
  languages: ['en', 'nb'],
  title: { en: 'First aid', nb: 'Førstehjelp' },
  program: 'first-aid-course',
  firstDueDays: 30,
  validity: { months: 24 },
  renewalWindowDays: 60,
  expiryCountsFrom: 'completion',
};

function problems(input: unknown): string[] {
  const parsed = CertificationSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('a certification in content', () => {
  it('accepts a complete one and fills in no reminders by default', () => {
    const parsed = CertificationSchema.parse(base);
    expect(parsed.reminders).toEqual({ beforeDueDays: [], beforeExpiryDays: [] });
  });

  it('needs the mid-cycle rule with a fixed yearly date, and whole years of validity', () => {
    expect(problems({ ...base, expiryCountsFrom: 'fixedDate', validity: { months: 18 } })).toEqual([
      expect.stringMatching(/^fixedDate: .*midCycle/),
      expect.stringMatching(/^validity: .*whole years/),
    ]);
    expect(
      problems({
        ...base,
        expiryCountsFrom: 'fixedDate',
        fixedDate: { date: '09-01', midCycle: 'nextDate' },
      }),
    ).toEqual([]);
  });

  it('refuses a fixed date no year is sure to have, and a fixed date the rule does not read', () => {
    expect(
      problems({
        ...base,
        expiryCountsFrom: 'fixedDate',
        fixedDate: { date: '02-29', midCycle: 'nextDate' },
      }),
    ).toEqual([expect.stringMatching(/^fixedDate.date: .*29 February/)]);
    expect(problems({ ...base, fixedDate: { date: '09-01', midCycle: 'nextDate' } })).toEqual([
      expect.stringMatching(/^fixedDate: .*only read with expiryCountsFrom: fixedDate/),
    ]);
  });

  it('refuses reminders nobody could act on, and a window as long as the validity', () => {
    expect(
      problems({
        ...base,
        validity: { days: 60 },
        reminders: { beforeDueDays: [30, 3, 3], beforeExpiryDays: [90] },
      }),
    ).toEqual([
      expect.stringMatching(/^renewalWindowDays: .*shorter than the validity/),
      expect.stringMatching(/^reminders.beforeDueDays.0: .*on or before the day it is assigned/),
      expect.stringMatching(/^reminders.beforeExpiryDays.0: .*before the renewal window opens/),
      'reminders.beforeDueDays.2: 3 is listed twice',
    ]);
  });

  it('names a missing translation and a refresher that is the program itself', () => {
    expect(problems({ ...base, title: { en: 'First aid' }, refresherProgram: 'first-aid-course' })).toEqual([
      expect.stringMatching(/^refresherProgram: .*leave refresherProgram out/),
      'title: missing text for nb',
    ]);
  });
});
