import { describe, expect, it } from 'vitest';
import {
  defaultDeliveryPolicy,
  effectiveTimeZone,
  localDay,
  nextDeliverySlot,
  policyProblem,
  reminderDueAt,
  startOfNextLocalDay,
  underDailyCap,
  withTimeZone,
  type DeliveryPolicy,
} from './deliveryPolicy.ts';

const oslo = defaultDeliveryPolicy('Europe/Oslo');
const at = (iso: string) => new Date(iso);
const slot = (iso: string, policy: DeliveryPolicy = oslo) => nextDeliverySlot(at(iso), policy).toISOString();
const withQuiet = (quietHours: DeliveryPolicy['quietHours'], base = oslo): DeliveryPolicy => ({
  ...base,
  quietHours,
});

describe('defaultDeliveryPolicy', () => {
  it('is Monday to Friday 08:00–16:00, three cards a day, two reminders three days apart', () => {
    expect(defaultDeliveryPolicy()).toEqual({
      timeZone: 'Europe/Oslo',
      workingHours: {
        start: '08:00',
        end: '16:00',
        days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      },
      quietHours: [],
      maxCardsPerDay: 3,
      reminders: { afterDays: 3, max: 2 },
    });
    expect(defaultDeliveryPolicy('Europe/Stockholm').timeZone).toBe('Europe/Stockholm');
  });
});

describe('nextDeliverySlot', () => {
  it('keeps an instant inside working hours as it is', () => {
    // Wednesday 2026-01-14 10:17:30 in Oslo (UTC+1).
    expect(slot('2026-01-14T09:17:30.000Z')).toBe('2026-01-14T09:17:30.000Z');
  });

  it('moves an early morning to 08:00 the same day', () => {
    expect(slot('2026-01-14T05:00:00Z')).toBe('2026-01-14T07:00:00.000Z');
  });

  it('moves Friday 17:00 to Monday 08:00', () => {
    // Friday 2026-01-16 17:00 Oslo = 16:00Z.
    expect(slot('2026-01-16T16:00:00Z')).toBe('2026-01-19T07:00:00.000Z');
  });

  it('treats the end of working hours as outside them', () => {
    expect(slot('2026-01-14T15:00:00Z')).toBe('2026-01-15T07:00:00.000Z');
    expect(slot('2026-01-14T14:59:59Z')).toBe('2026-01-14T14:59:59.000Z');
  });

  it('moves Saturday noon to Monday 08:00', () => {
    expect(slot('2026-01-17T11:00:00Z')).toBe('2026-01-19T07:00:00.000Z');
  });

  it('reads working hours in the policy zone, not in UTC', () => {
    // Friday 23:30 UTC is already Saturday 00:30 in Oslo: Monday, not Friday.
    expect(slot('2026-01-16T23:30:00Z')).toBe('2026-01-19T07:00:00.000Z');
    // 07:30Z is 08:30 in Oslo but 07:30 in London (winter).
    expect(slot('2026-01-14T07:30:00Z', withTimeZone(oslo, 'Europe/London'))).toBe(
      '2026-01-14T08:00:00.000Z',
    );
  });

  it('lands on 08:00 local on both sides of the daylight-saving changes', () => {
    // Saturday before the March change (UTC+1) → Monday after it (UTC+2).
    expect(slot('2026-03-28T12:00:00Z')).toBe('2026-03-30T06:00:00.000Z');
    // Saturday before the October change (UTC+2) → Monday after it (UTC+1).
    expect(slot('2026-10-24T12:00:00Z')).toBe('2026-10-26T07:00:00.000Z');
  });

  it('skips a quiet window inside working hours', () => {
    const lunch = withQuiet([{ start: '11:30', end: '12:30' }]);
    expect(slot('2026-01-14T10:45:00Z', lunch)).toBe('2026-01-14T11:30:00.000Z'); // 11:45 → 12:30 local
    expect(slot('2026-01-14T10:29:00Z', lunch)).toBe('2026-01-14T10:29:00.000Z'); // 11:29 is fine
  });

  it('honours a quiet window that wraps midnight, in the evening and the morning', () => {
    const evening = withQuiet([{ start: '22:00', end: '09:00' }], {
      ...oslo,
      workingHours: { ...oslo.workingHours, start: '06:00', end: '23:00' },
    });
    // Wednesday 22:30 local → Thursday 09:00 local.
    expect(slot('2026-01-14T21:30:00Z', evening)).toBe('2026-01-15T08:00:00.000Z');
    // Thursday 07:00 local (after working hours started) → 09:00 the same day.
    expect(slot('2026-01-15T06:00:00Z', evening)).toBe('2026-01-15T08:00:00.000Z');
    // Friday 22:30 local → the window ends Saturday 09:00, not a working day → Monday 09:00.
    expect(slot('2026-01-16T21:30:00Z', evening)).toBe('2026-01-19T08:00:00.000Z');
  });

  it('moves through several quiet windows in a row', () => {
    const policy = withQuiet([
      { start: '08:00', end: '09:00' },
      { start: '09:00', end: '10:00' },
    ]);
    expect(slot('2026-01-14T06:00:00Z', policy)).toBe('2026-01-14T09:00:00.000Z');
  });

  it('takes the next 02:30 on the wall clock when the clocks go back, never an earlier instant', () => {
    const nightShift: DeliveryPolicy = {
      ...oslo,
      workingHours: { start: '02:30', end: '16:00', days: ['sunday'] },
    };
    // Sunday 2026-10-25 01:50 (+02:00) → 02:30 (+02:00) = 00:30Z.
    expect(slot('2026-10-24T23:50:00Z', nightShift)).toBe('2026-10-25T00:30:00.000Z');
    // From the Saturday before: the next day's first 02:30, too.
    expect(slot('2026-10-24T12:00:00Z', nightShift)).toBe('2026-10-25T00:30:00.000Z');
    // 02:10 the second time (+01:00) reads 02:10 on the wall: the second 02:30 (+01:00), never
    // the first one, which lies before it.
    expect(slot('2026-10-25T01:10:00Z', nightShift)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses a policy that can never deliver instead of looping', () => {
    const allQuiet = withQuiet([{ start: '07:00', end: '17:00' }]);
    expect(policyProblem(allQuiet)).toBe('quiet hours cover all of the working hours');
    expect(() => nextDeliverySlot(at('2026-01-14T09:00:00Z'), allQuiet)).toThrow(/never deliver/);
    const noDays = { ...oslo, workingHours: { ...oslo.workingHours, days: [] } };
    expect(() => nextDeliverySlot(at('2026-01-14T09:00:00Z'), noDays)).toThrow(/working day/);
    const backwards = { ...oslo, workingHours: { ...oslo.workingHours, start: '16:00', end: '08:00' } };
    expect(policyProblem(backwards)).toMatch(/start before/);
    expect(policyProblem(oslo)).toBeUndefined();
  });

  it('throws on an unknown time zone', () => {
    expect(() => nextDeliverySlot(at('2026-01-14T09:00:00Z'), withTimeZone(oslo, 'Mars/Olympus'))).toThrow(
      /Mars\/Olympus/,
    );
  });
});

describe('daily cap by local day', () => {
  it('counts 23:30 in Oslo on the Oslo date, not the UTC date', () => {
    // 2026-01-14 23:30 Oslo = 22:30Z: still the 14th in both.
    expect(localDay(at('2026-01-14T22:30:00Z'), 'Europe/Oslo')).toBe('2026-01-14');
    // 2026-01-15 00:30 Oslo = 23:30Z on the 14th: a new day in Oslo.
    expect(localDay(at('2026-01-14T23:30:00Z'), 'Europe/Oslo')).toBe('2026-01-15');
    expect(localDay(at('2026-01-14T23:30:00Z'), 'UTC')).toBe('2026-01-14');
    // Summer: 23:30 Oslo on the 1st = 21:30Z.
    expect(localDay(at('2026-07-01T22:30:00Z'), 'Europe/Oslo')).toBe('2026-07-02');
  });

  it("starts the next count at the person's own midnight, not UTC midnight", () => {
    // 20:00Z on the 14th is 21:00 in Oslo: the next Oslo day starts at 23:00Z, an hour before UTC's.
    expect(startOfNextLocalDay(at('2026-01-14T20:00:00Z'), 'Europe/Oslo').toISOString()).toBe(
      '2026-01-14T23:00:00.000Z',
    );
    // 23:30Z on the 14th is already the 15th in Oslo: the next day starts on the 15th at 23:00Z.
    expect(startOfNextLocalDay(at('2026-01-14T23:30:00Z'), 'Europe/Oslo').toISOString()).toBe(
      '2026-01-15T23:00:00.000Z',
    );
    // West of UTC the local day ends later: 20:00Z is 15:00 in New York, whose midnight is 05:00Z.
    expect(startOfNextLocalDay(at('2026-01-14T20:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-01-15T05:00:00.000Z',
    );
    // Summer time (UTC+2) moves it.
    expect(startOfNextLocalDay(at('2026-07-01T12:00:00Z'), 'Europe/Oslo').toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    );
  });

  it('allows cards until the cap is reached', () => {
    expect(underDailyCap(0, oslo)).toBe(true);
    expect(underDailyCap(2, oslo)).toBe(true);
    expect(underDailyCap(3, oslo)).toBe(false);
    expect(underDailyCap(1, { ...oslo, maxCardsPerDay: 1 })).toBe(false);
  });
});

describe('reminderDueAt', () => {
  const due = at('2026-03-27T09:00:00Z'); // Friday 10:00 Oslo, before the March change

  it('sends the first reminder afterDays later and the next one afterDays after that, same local time', () => {
    // Monday 2026-03-30 10:00 Oslo is 08:00Z after the change.
    expect(reminderDueAt(due, 0, oslo)?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(reminderDueAt(due, 1, oslo)?.toISOString()).toBe('2026-04-02T08:00:00.000Z');
  });

  it('sends nothing once the maximum is reached', () => {
    expect(reminderDueAt(due, 2, oslo)).toBeUndefined();
    expect(reminderDueAt(due, 0, { ...oslo, reminders: { afterDays: 3, max: 0 } })).toBeUndefined();
  });
});

describe('effectiveTimeZone', () => {
  it("uses the person's valid IANA zone, normalised", () => {
    expect(effectiveTimeZone('Europe/Stockholm', 'Europe/Oslo')).toBe('Europe/Stockholm');
    expect(effectiveTimeZone('europe/helsinki', 'Europe/Oslo')).toBe('Europe/Helsinki');
  });

  it('falls back to the tenant default when the zone is missing or unknown', () => {
    expect(effectiveTimeZone(undefined, 'Europe/Oslo')).toBe('Europe/Oslo');
    expect(effectiveTimeZone('  ', 'Europe/Oslo')).toBe('Europe/Oslo');
    expect(effectiveTimeZone('Mars/Olympus', 'Europe/Oslo')).toBe('Europe/Oslo');
    expect(effectiveTimeZone('Nowhere Standard Time', 'Europe/Oslo')).toBe('Europe/Oslo');
  });

  it('maps Windows zone names, preferring the tenant default when it is one of them', () => {
    expect(effectiveTimeZone('W. Europe Standard Time', 'Europe/Oslo')).toBe('Europe/Oslo');
    expect(effectiveTimeZone('W. Europe Standard Time', 'Europe/London')).toBe('Europe/Berlin');
    expect(effectiveTimeZone('Romance Standard Time', 'Europe/Oslo')).toBe('Europe/Paris');
    expect(effectiveTimeZone('Romance Standard Time', 'Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(effectiveTimeZone('FLE Standard Time', 'Europe/Helsinki')).toBe('Europe/Helsinki');
    expect(effectiveTimeZone('GMT Standard Time', 'Europe/Oslo')).toBe('Europe/London');
    // Every Windows name Graph can give, not only European ones (CLDR's table, not a hand-written one).
    expect(effectiveTimeZone('Pacific Standard Time', 'Europe/Oslo')).toBe('America/Los_Angeles');
    expect(effectiveTimeZone('Pacific SA Standard Time', 'Europe/Oslo')).toBe('America/Santiago');
    expect(effectiveTimeZone('Tokyo Standard Time', 'Europe/Oslo')).toBe('Asia/Tokyo');
    expect(effectiveTimeZone('UTC', 'Europe/Oslo')).toBe('UTC');
  });
});
