import { describe, expect, it } from 'vitest';
import { defaultDeliveryPolicy, nextDeliverySlot } from '../delivery/deliveryPolicy.ts';
import { ProgramSchema, type Program, type ProgramInput } from './program.ts';
import { stepDueDates } from './schedule.ts';

type DueInput = ProgramInput['steps'][number]['due'];

/** A program of lessons, one per due rule, with ids s1, s2, ... */
function programWith(...dues: DueInput[]): Program {
  return ProgramSchema.parse({
    id: 'schedule-test',
    version: 1,
    languages: ['en'],
    mandatory: true,
    title: { en: 'Schedule' },
    description: { en: 'Schedule test' },
    steps: dues.map((due, i) => ({
      id: `s${i + 1}`,
      kind: 'lesson',
      minutes: 2,
      due,
      title: { en: `Step ${i + 1}` },
      body: { en: 'Text' },
    })),
  });
}

const at = (iso: string) => new Date(iso);
const iso = (dates: Map<string, Date>) =>
  Object.fromEntries([...dates].map(([id, d]) => [id, d.toISOString()]));
const OSLO = 'Europe/Oslo';
const monday0900 = { weekly: { day: 'monday', time: '09:00' } } as const;

describe('stepDueDates: offsets', () => {
  it('makes day 0 the enrollment instant itself and day N 09:00 local N days later', () => {
    // Wednesday 2026-01-14 10:17 Oslo.
    const dates = stepDueDates(
      programWith({ offsetDays: 0 }, { offsetDays: 1 }, { offsetWeeks: 1 }, { offsetWeeks: 0 }),
      { start: at('2026-01-14T09:17:00Z') },
      OSLO,
    );
    expect(iso(dates)).toEqual({
      s1: '2026-01-14T09:17:00.000Z',
      s2: '2026-01-15T08:00:00.000Z',
      s3: '2026-01-21T08:00:00.000Z',
      s4: '2026-01-14T09:17:00.000Z',
    });
  });

  it('counts local calendar days across the March daylight-saving change', () => {
    // Thursday 2026-03-26 10:00 Oslo (UTC+1); the clocks go forward on Sunday 29 March.
    const dates = stepDueDates(
      programWith({ offsetDays: 1 }, { offsetDays: 4 }),
      { start: at('2026-03-26T09:00:00Z') },
      OSLO,
    );
    expect(dates.get('s1')?.toISOString()).toBe('2026-03-27T08:00:00.000Z'); // 09:00 +01:00
    expect(dates.get('s2')?.toISOString()).toBe('2026-03-30T07:00:00.000Z'); // 09:00 +02:00
  });

  it('counts local calendar days across the October change, where one day has 25 hours', () => {
    // Thursday 2026-10-22 10:00 Oslo (UTC+2); the clocks go back on Sunday 25 October.
    const dates = stepDueDates(programWith({ offsetDays: 4 }), { start: at('2026-10-22T08:00:00Z') }, OSLO);
    expect(dates.get('s1')?.toISOString()).toBe('2026-10-26T08:00:00.000Z'); // Monday 09:00 +01:00
  });

  it("counts from the anchor's local date, not its UTC date", () => {
    // 00:30 on 15 January in Oslo is still the 14th in UTC.
    const dates = stepDueDates(programWith({ offsetDays: 1 }), { start: at('2026-01-14T23:30:00Z') }, OSLO);
    expect(dates.get('s1')?.toISOString()).toBe('2026-01-16T08:00:00.000Z');
  });

  it('counts from the hire date when asked, and from the start while the hire date is unknown', () => {
    const program = programWith({ offsetDays: 3, from: 'hireDate' }, { offsetDays: 3 });
    const start = at('2026-01-05T09:00:00Z');
    const withHire = stepDueDates(program, { start, hireDate: at('2026-01-12T07:00:00Z') }, OSLO);
    expect(iso(withHire)).toEqual({ s1: '2026-01-15T08:00:00.000Z', s2: '2026-01-08T08:00:00.000Z' });
    const withoutHire = stepDueDates(program, { start }, OSLO);
    expect(withoutHire.get('s1')?.toISOString()).toBe('2026-01-08T08:00:00.000Z');
  });

  it('puts nothing before the enrollment start when the hire date lies further back', () => {
    const dates = stepDueDates(
      programWith({ offsetDays: 0, from: 'hireDate' }, { offsetDays: 2, from: 'hireDate' }),
      { start: at('2026-02-02T10:00:00Z'), hireDate: at('2026-01-05T08:00:00Z') },
      OSLO,
    );
    expect(iso(dates)).toEqual({ s1: '2026-02-02T10:00:00.000Z', s2: '2026-02-02T10:00:00.000Z' });
  });

  it('reads 09:00 in the given time zone', () => {
    const dates = stepDueDates(
      programWith({ offsetDays: 1 }),
      { start: at('2026-01-14T12:00:00Z') },
      'Europe/London',
    );
    expect(dates.get('s1')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });
});

describe('stepDueDates: weekly', () => {
  it('keeps Monday 09:00 local across the October change: 07:00Z in summer, 08:00Z in winter', () => {
    // Monday 2026-10-19 08:00 Oslo (UTC+2); the clocks go back on Sunday 25 October.
    const dates = stepDueDates(
      programWith(monday0900, monday0900, monday0900),
      { start: at('2026-10-19T06:00:00Z') },
      OSLO,
    );
    expect(iso(dates)).toEqual({
      s1: '2026-10-19T07:00:00.000Z',
      s2: '2026-10-26T08:00:00.000Z',
      s3: '2026-11-02T08:00:00.000Z',
    });
  });

  it('lets the first weekly step fall at the start itself, and later ones strictly after the previous', () => {
    // Monday 2026-01-12 09:00 Oslo exactly.
    const onTime = stepDueDates(
      programWith(monday0900, monday0900),
      { start: at('2026-01-12T08:00:00Z') },
      OSLO,
    );
    expect(iso(onTime)).toEqual({ s1: '2026-01-12T08:00:00.000Z', s2: '2026-01-19T08:00:00.000Z' });
    // One minute late: next Monday.
    const late = stepDueDates(programWith(monday0900), { start: at('2026-01-12T08:01:00Z') }, OSLO);
    expect(late.get('s1')?.toISOString()).toBe('2026-01-19T08:00:00.000Z');
  });

  it('follows the previous step whatever its rule', () => {
    // Wednesday 14 January: day 0 now, then the next Friday 14:30, then the next Monday 09:00.
    const dates = stepDueDates(
      programWith({ offsetDays: 0 }, { weekly: { day: 'friday', time: '14:30' } }, monday0900),
      { start: at('2026-01-14T09:17:00Z') },
      OSLO,
    );
    expect(iso(dates)).toEqual({
      s1: '2026-01-14T09:17:00.000Z',
      s2: '2026-01-16T13:30:00.000Z',
      s3: '2026-01-19T08:00:00.000Z',
    });
  });

  it('moves a weekly time skipped by the spring change forward by the gap', () => {
    const sunday0230 = { weekly: { day: 'sunday', time: '02:30' } } as const;
    const dates = stepDueDates(programWith(sunday0230), { start: at('2026-03-27T12:00:00Z') }, OSLO);
    expect(dates.get('s1')?.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 +02:00
  });
});

describe('due date and delivery slot together', () => {
  it('delivers a Saturday due date on Monday at 08:00', () => {
    // Friday 2026-01-16 10:00 Oslo + 1 day = Saturday 09:00 → Monday 08:00.
    const due = stepDueDates(programWith({ offsetDays: 1 }), { start: at('2026-01-16T09:00:00Z') }, OSLO).get(
      's1',
    )!;
    expect(nextDeliverySlot(due, defaultDeliveryPolicy(OSLO)).toISOString()).toBe('2026-01-19T07:00:00.000Z');
  });
});
