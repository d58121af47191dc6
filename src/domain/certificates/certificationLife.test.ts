import { describe, expect, it } from 'vitest';
import { addDays, type Day } from './calendarDays.ts';
import type { Certification } from './certification.ts';
import {
  advanceTo,
  assignCertification,
  completeCertification,
  noticeKey,
  statusOn,
  type CertificationNotice,
  type EnrollAction,
} from './certificationLife.ts';
import { neverCertified, type CertificationRecord } from './certificationRecord.ts';
import { testCertification } from './testCertifications.ts';

const who = { tenantId: 't1', userId: 'maja', assignedBy: 'rule:firefighters' };

interface Trip {
  record: CertificationRecord;
  notices: Array<CertificationNotice & { seenOn: Day }>;
  enroll: Array<EnrollAction & { on: Day }>;
}

/** Moves one day at a time, as the daily sweep does, with completions on the days given. */
function travel(
  certification: Certification,
  start: Pick<Trip, 'record'> | Day,
  until: Day,
  completions: Record<Day, string> = {},
): Trip {
  let trip: Trip;
  let day: Day;
  if (typeof start === 'string') {
    const first = assignCertification(certification, who, start);
    trip = {
      record: first.record,
      notices: first.notices.map((n) => ({ ...n, seenOn: start })),
      enroll: first.enroll.map((e) => ({ ...e, on: start })),
    };
    day = start;
  } else {
    trip = { record: start.record, notices: [], enroll: [] };
    day = start.record.checkedThrough;
  }
  while (day < until) {
    day = addDays(day, 1);
    const step = advanceTo(trip.record, certification, day);
    trip.record = step.record;
    trip.notices.push(...step.notices.map((n) => ({ ...n, seenOn: day })));
    trip.enroll.push(...step.enroll.map((e) => ({ ...e, on: day })));
    const programId = completions[day];
    if (programId !== undefined) {
      const done = completeCertification(trip.record, certification, { programId, completedOn: day });
      if (done.kind !== 'certified') throw new Error(`completion on ${day}: ${done.kind}`);
      trip.record = done.step.record;
      trip.notices.push(...done.step.notices.map((n) => ({ ...n, seenOn: day })));
    }
  }
  return trip;
}

function summary(trip: Trip): string[] {
  return trip.notices.map((n) => `${n.seenOn} ${n.to} ${n.kind}${n.days ? ` ${n.days}` : ''} c${n.cycle}`);
}

describe('a certification through two whole cycles (previous expiry, 12 months, 60-day window)', () => {
  const c = testCertification();
  const trip = travel(c, '2026-01-05', '2028-03-01', {
    '2026-01-20': 'smoke-diving-course',
    '2026-12-01': 'smoke-diving-refresher',
  });

  it('sends each notice on its day, once, in order', () => {
    expect(summary(trip)).toEqual([
      '2026-01-05 person assigned c0',
      // due 2026-02-04; completed before the 14- and 3-day reminders
      '2026-01-20 person certified c1',
      // valid until 2027-01-20; window opens 2026-11-21
      '2026-11-21 person windowOpen c1',
      '2026-12-01 person renewed c2',
      // renewed on time: 2027-01-20 + 12 months = 2028-01-20; window 2027-11-21
      '2027-11-21 person windowOpen c2',
      '2027-12-21 person expiresSoon 30 c2',
      '2028-01-13 person expiresSoon 7 c2',
      '2028-01-21 person expired c2',
      '2028-01-21 manager expiredToManager c2',
    ]);
  });

  it('keeps every cycle: how it began, until when it was valid and how it ended', () => {
    expect(trip.record.cycles).toEqual([
      expect.objectContaining({
        n: 1,
        certifiedOn: '2026-01-20',
        validUntil: '2027-01-20',
        basis: 'first',
        via: 'program',
        ended: { on: '2026-12-01', how: 'renewed' },
      }),
      expect.objectContaining({
        n: 2,
        certifiedOn: '2026-12-01',
        validUntil: '2028-01-20',
        basis: 'renewal',
        via: 'refresher',
        ended: { on: '2028-01-21', how: 'expired' },
      }),
    ]);
    expect(trip.record.status).toBe('expired');
    expect(neverCertified(trip.record)).toBe(false);
  });

  it('enrolls in the full program first, the refresher when a window opens, the full program after expiry', () => {
    expect(trip.enroll).toEqual([
      { programId: 'smoke-diving-course', again: false, on: '2026-01-05' },
      { programId: 'smoke-diving-refresher', again: true, on: '2026-11-21' },
      { programId: 'smoke-diving-refresher', again: true, on: '2027-11-21' },
      { programId: 'smoke-diving-course', again: true, on: '2028-01-21' },
    ]);
  });

  it('gives every notice a distinct deterministic key', () => {
    const keys = trip.notices.map((n) => noticeKey(trip.record, n));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('cert|maja|smoke-diving|c0|assigned|-');
  });

  it('needs nothing from the sweep once expired: nothing more will happen until a completion', () => {
    expect(trip.record.nextCheckOn).toBeUndefined();
  });
});

describe('a first certification', () => {
  const c = testCertification();

  it('reminds before the due date, then is overdue once, and stays "never completed"', () => {
    const trip = travel(c, '2026-03-01', '2026-06-01');
    expect(summary(trip)).toEqual([
      '2026-03-01 person assigned c0',
      '2026-03-17 person dueSoon 14 c0',
      '2026-03-28 person dueSoon 3 c0',
      '2026-04-01 person overdue c0',
    ]);
    expect(trip.record).toMatchObject({ status: 'overdue', dueOn: '2026-03-31', cycles: [] });
    expect(neverCertified(trip.record)).toBe(true);
    expect(trip.record.nextCheckOn).toBeUndefined();
  });

  it('counts from the completion day when done late, and is then certified, not overdue', () => {
    const trip = travel(c, '2026-03-01', '2026-06-01', { '2026-05-10': 'smoke-diving-course' });
    expect(trip.record.cycles[0]).toMatchObject({
      certifiedOn: '2026-05-10',
      validUntil: '2027-05-10',
      basis: 'first',
    });
    expect(trip.record.status).toBe('certified');
  });

  it('is not certified by the refresher', () => {
    const { record } = assignCertification(c, who, '2026-03-01');
    const done = completeCertification(record, c, {
      programId: 'smoke-diving-refresher',
      completedOn: '2026-03-02',
    });
    expect(done.kind).toBe('needsFullProgram');
  });
});

describe('renewals', () => {
  const c = testCertification();
  const certified = travel(c, '2026-01-05', '2026-01-20', { '2026-01-20': 'smoke-diving-course' });

  it('a late renewal counts from its own completion day: no missed period to redo', () => {
    const trip = travel(c, certified, '2027-04-01', { '2027-03-15': 'smoke-diving-course' });
    expect(summary(trip).slice(-3)).toEqual([
      '2027-01-21 person expired c1',
      '2027-01-21 manager expiredToManager c1',
      '2027-03-15 person renewed c2',
    ]);
    expect(trip.record.cycles[1]).toMatchObject({
      certifiedOn: '2027-03-15',
      validUntil: '2028-03-15',
      basis: 'afterExpiry',
    });
    expect(trip.record.cycles[0]?.ended).toEqual({ on: '2027-01-21', how: 'expired' });
  });

  it('after an expiry the refresher is not enough: back to the full program', () => {
    const expired = travel(c, certified, '2027-02-01');
    const done = completeCertification(expired.record, c, {
      programId: 'smoke-diving-refresher',
      completedOn: '2027-02-01',
    });
    expect(done.kind).toBe('needsFullProgram');
  });

  it('a completion judged on its own day: late even when no sweep has marked the expiry yet', () => {
    // the sweep last ran inside the window; the refresher is finished after the expiry
    const inWindow = travel(c, certified, '2026-12-01');
    expect(inWindow.record.status).toBe('renewalOpen');
    expect(
      completeCertification(inWindow.record, c, {
        programId: 'smoke-diving-refresher',
        completedOn: '2027-01-25',
      }).kind,
    ).toBe('needsFullProgram');
    const full = completeCertification(inWindow.record, c, {
      programId: 'smoke-diving-course',
      completedOn: '2027-01-25',
    });
    expect(full.kind === 'certified' && full.cycle).toMatchObject({
      basis: 'afterExpiry',
      validUntil: '2028-01-25',
    });
  });

  it('before the window opens there is nothing to renew', () => {
    const done = completeCertification(certified.record, c, {
      programId: 'smoke-diving-course',
      completedOn: '2026-06-01',
    });
    expect(done.kind).toBe('notDue');
    expect(
      completeCertification(certified.record, c, { programId: 'other', completedOn: '2026-06-01' }).kind,
    ).toBe('notThisCertification');
  });

  it('with expiry counted from completion, an early renewal starts from its completion day', () => {
    const fromCompletion = testCertification({ expiryCountsFrom: 'completion' });
    const trip = travel(fromCompletion, '2026-01-05', '2027-01-01', {
      '2026-01-20': 'smoke-diving-course',
      '2026-12-01': 'smoke-diving-refresher',
    });
    expect(trip.record.cycles[1]).toMatchObject({ validUntil: '2027-12-01', basis: 'renewal' });
  });
});

describe('a fixed yearly date (1 September, 12 months, 60-day window)', () => {
  const nextDate = testCertification({
    expiryCountsFrom: 'fixedDate',
    fixedDate: { date: '09-01', midCycle: 'nextDate' },
  });
  const fullPeriod = testCertification({
    expiryCountsFrom: 'fixedDate',
    fixedDate: { date: '09-01', midCycle: 'fullPeriod' },
    validity: { months: 24 },
  });
  const firstCycle = (c: Certification, completedOn: Day) => {
    const { record } = assignCertification(c, who, addDays(completedOn, -1));
    const done = completeCertification(record, c, { programId: c.program, completedOn });
    if (done.kind !== 'certified') throw new Error(done.kind);
    return done;
  };

  it('a mid-cycle hire joins the common date (nextDate): at the next one whose window is not open yet', () => {
    expect(firstCycle(nextDate, '2026-03-10').cycle.validUntil).toBe('2026-09-01');
    expect(firstCycle(nextDate, '2026-07-02').cycle.validUntil).toBe('2026-09-01');
    // from 3 July the 1 September window is open: certified then, they get the next year's date
    expect(firstCycle(nextDate, '2026-07-03').cycle.validUntil).toBe('2027-09-01');
  });

  it('fullPeriod: at least the whole validity, then the common date', () => {
    expect(firstCycle(fullPeriod, '2026-03-10').cycle.validUntil).toBe('2028-09-01');
    expect(firstCycle(fullPeriod, '2026-09-01').cycle.validUntil).toBe('2028-09-01');
    expect(firstCycle(fullPeriod, '2026-09-02').cycle.validUntil).toBe('2029-09-01');
  });

  it('a renewal inside the window stays on the common date; a late one counts from completion by the rule', () => {
    const first = firstCycle(nextDate, '2026-03-10');
    const renewed = travel(nextDate, first.step, '2026-08-01', { '2026-08-01': 'smoke-diving-refresher' });
    expect(renewed.record.cycles[1]).toMatchObject({ validUntil: '2027-09-01', basis: 'renewal' });
    const late = travel(nextDate, first.step, '2026-10-01', { '2026-10-01': 'smoke-diving-course' });
    expect(late.record.cycles[1]).toMatchObject({ validUntil: '2027-09-01', basis: 'afterExpiry' });
  });
});

describe('a settings change on a live certification', () => {
  const before = testCertification();
  const certified = travel(before, '2026-01-05', '2026-12-31', { '2026-01-20': 'smoke-diving-course' });
  // valid until 2027-01-20; window opened 2026-11-21; on 2026-12-31 the 30-day reminder is past (12-21)

  it('sends no backlog: a new lead time whose day has passed is not sent, a later one is', () => {
    const after = testCertification({
      version: 2,
      reminders: { beforeDueDays: [], beforeExpiryDays: [45, 30, 14, 7] },
    });
    const trip = travel(after, certified, '2027-01-19');
    expect(summary(trip)).toEqual([
      '2027-01-06 person expiresSoon 14 c1',
      '2027-01-13 person expiresSoon 7 c1',
    ]);
  });

  it('a window made longer opens today, with one notice, not on a day already past', () => {
    const young = travel(before, '2026-01-05', '2026-10-01', { '2026-01-20': 'smoke-diving-course' });
    expect(young.record.status).toBe('certified');
    const longer = testCertification({ version: 2, renewalWindowDays: 120 });
    const trip = travel(longer, young, '2026-10-03');
    expect(summary(trip)).toEqual(['2026-10-02 person windowOpen c1']);
    expect(trip.enroll).toEqual([{ programId: 'smoke-diving-refresher', again: true, on: '2026-10-02' }]);
  });

  it('keeps the validity of certificates already issued; the new validity applies to the next cycle', () => {
    const longer = testCertification({ version: 2, validity: { months: 24 } });
    const trip = travel(longer, certified, '2027-01-10', { '2027-01-10': 'smoke-diving-refresher' });
    expect(trip.record.cycles.map((cy) => [cy.validUntil, cy.certificationVersion])).toEqual([
      ['2027-01-20', 1],
      ['2029-01-20', 2],
    ]);
  });
});

describe('the sweep, run again or late', () => {
  const c = testCertification();

  it('changes nothing when run twice for the same day', () => {
    const trip = travel(c, '2026-03-01', '2026-03-17');
    const again = advanceTo(trip.record, c, '2026-03-17');
    expect(again).toEqual({ record: trip.record, notices: [], enroll: [], withdraw: [] });
  });

  it('after days without a sweep, catches up on what came meanwhile, in order, and skips what no longer applies', () => {
    const certified = travel(c, '2026-01-05', '2026-01-20', { '2026-01-20': 'smoke-diving-course' });
    // next sweep only on 2027-01-15: window, 30-day and 7-day reminders came meanwhile
    const step = advanceTo(certified.record, c, '2027-01-15');
    expect(step.notices.map((n) => `${n.on} ${n.kind} ${n.days ?? ''}`.trim())).toEqual([
      '2026-11-21 windowOpen',
      '2026-12-21 expiresSoon 30',
      '2027-01-13 expiresSoon 7',
    ]);
    // a worker down past the expiry: the person is told it expired, not that it is about to
    const gone = advanceTo(certified.record, c, '2027-02-01');
    expect(gone.notices.map((n) => `${n.to} ${n.kind}`)).toEqual([
      'person expired',
      'manager expiredToManager',
    ]);
    expect(gone.withdraw).toEqual(['smoke-diving-refresher']);
  });

  it('is scheduled for the next day something happens, and only then', () => {
    const { record } = assignCertification(c, who, '2026-03-01');
    expect(record.nextCheckOn).toBe('2026-03-17');
    const certified = travel(c, '2026-03-01', '2026-03-02', { '2026-03-02': 'smoke-diving-course' });
    // valid until 2027-03-02: window 2027-01-01, reminders 2027-01-31, 2027-02-23, expiry 2027-03-03
    expect(certified.record.nextCheckOn).toBe('2027-01-01');
  });

  it('judges the status from the dates alone', () => {
    const certified = travel(c, '2026-01-05', '2026-01-20', { '2026-01-20': 'smoke-diving-course' }).record;
    expect(statusOn(certified, c, '2026-11-20')).toBe('certified');
    expect(statusOn(certified, c, '2026-11-21')).toBe('renewalOpen');
    expect(statusOn(certified, c, '2027-01-20')).toBe('renewalOpen');
    expect(statusOn(certified, c, '2027-01-21')).toBe('expired');
  });
});
