import { beforeEach, describe, expect, it } from 'vitest';
import { testCertification } from '../../domain/certificates/testCertifications.ts';
import type { Certification } from '../../domain/certificates/certification.ts';
import { testPerson, testProgram } from '../learning/testing/fakes.ts';
import { assignCertification } from './assignCertification.ts';
import { recordProgramCompletion } from './recordProgramCompletion.ts';
import { sweepCertifications } from './sweepCertifications.ts';
import { fakeCertificatesDeps, type FakeCertificatesDeps } from './testing/fakes.ts';
import { certificationCatalogOf } from './ports.ts';

const DAY = 86_400_000;
const certification = testCertification();
const programs = [testProgram({ id: 'smoke-diving-course' }), testProgram({ id: 'smoke-diving-refresher' })];
const maja = testPerson(1, { displayName: 'Maja', managerId: 'boss' });
let deps: FakeCertificatesDeps;

beforeEach(async () => {
  // 10:00 in Oslo on Monday 5 January 2026
  deps = fakeCertificatesDeps([certification], programs, new Date('2026-01-05T09:00:00Z'));
  await deps.people.upsert(maja);
  await deps.people.upsert(testPerson(2, { id: 'boss', displayName: 'Boss' }));
});

/** Every notice enqueued so far, as `recipient kind`. */
const sent = () =>
  deps.outbound.enqueued.map(
    (i) =>
      `${i.userId === maja.id ? 'maja' : i.userId} ${String(i.ref.notice)}${i.ref.days ? ` ${String(i.ref.days)}` : ''}`,
  );

/** Moves the clock a day at a time and sweeps once a day, as the worker does. */
async function sweepDaily(days: number): Promise<void> {
  for (let i = 0; i < days; i++) {
    deps.clock.advance(DAY);
    await sweepCertifications(deps, maja.tenantId);
  }
}

/** The person completes the program: the learning record says so, then the certification hears it. */
async function complete(programId: string): Promise<void> {
  const enrollment = await deps.enrollments.get(maja.tenantId, maja.id, programId);
  if (enrollment) await deps.enrollments.update({ ...enrollment, status: 'completed' });
  await recordProgramCompletion(deps, {
    tenantId: maja.tenantId,
    userId: maja.id,
    programId,
    at: deps.clock.now(),
  });
}

describe('the daily certification sweep, two cycles in time', () => {
  it('assigns, reminds, certifies, opens the window with the refresher, renews, expires and tells the manager', async () => {
    await assignCertification(deps, {
      person: maja,
      certificationId: certification.id,
      assignedBy: 'rule:crew',
    });
    expect(deps.enrollments.rows.all().map((e) => e.programId)).toEqual(['smoke-diving-course']);
    await sweepDaily(20); // 25 January: the 14-day reminder (20 January) came
    await complete('smoke-diving-course'); // valid until 2027-01-25; window opens 2026-11-26
    await sweepDaily(340); // 31 December 2026: window opened, 30-day reminder on 26 December
    expect(deps.enrollments.rows.all().map((e) => [e.programId, e.status])).toEqual([
      ['smoke-diving-course', 'completed'],
      ['smoke-diving-refresher', 'active'],
    ]);
    await complete('smoke-diving-refresher'); // on time: valid until 2028-01-25
    await sweepDaily(400); // 4 February 2028: window, reminders, expiry
    expect(sent()).toEqual([
      'maja assigned',
      'maja dueSoon 14',
      'maja certified',
      'maja windowOpen',
      'maja expiresSoon 30',
      'maja renewed',
      'maja windowOpen',
      'maja expiresSoon 30',
      'maja expiresSoon 7',
      'maja expired',
      'boss expiredToManager',
    ]);
    const [record] = deps.certifications.rows.all();
    expect(record?.cycles.map((c) => [c.certifiedOn, c.validUntil, c.basis, c.ended?.how])).toEqual([
      ['2026-01-25', '2027-01-25', 'first', 'renewed'],
      ['2026-12-31', '2028-01-25', 'renewal', 'expired'],
    ]);
    // the refresher's second round has cards of its own; after the expiry it is withdrawn, and the
    // full course starts again
    const refresher = deps.enrollments.rows.all().find((e) => e.programId === 'smoke-diving-refresher');
    expect(refresher).toMatchObject({ round: 1, status: 'withdrawn' });
    const course = deps.enrollments.rows.all().find((e) => e.programId === 'smoke-diving-course');
    expect(course).toMatchObject({ status: 'active' });
    // nothing more will happen until a completion: no check left in the schedule
    expect(deps.certifications.scheduledDays()).toEqual([]);
  });

  it('reads only the records that are due, however many people hold a certificate', async () => {
    for (let n = 1; n <= 50; n++) {
      const person = testPerson(100 + n);
      await deps.people.upsert(person);
      await assignCertification(deps, { person, certificationId: certification.id, assignedBy: 'rule:crew' });
    }
    deps.clock.advance(DAY);
    const before = deps.faults.count('certifications.get');
    const quiet = await sweepCertifications(deps, maja.tenantId);
    expect(quiet).toMatchObject({ checked: 0, advanced: 0 });
    expect(deps.faults.count('certifications.get') - before).toBe(0);
    deps.clock.advance(15 * DAY); // the 14-day reminders of all 50 fall due
    const busy = await sweepCertifications(deps, maja.tenantId, { pageSize: 7 });
    expect(busy).toMatchObject({ checked: 50, advanced: 50, notices: 50 });
    expect(deps.faults.count('certifications.get') - before).toBe(50);
  });

  it('after a crash between the notices and the record, runs again and sends nothing twice', async () => {
    await assignCertification(deps, {
      person: maja,
      certificationId: certification.id,
      assignedBy: 'rule:crew',
    });
    deps.clock.advance(16 * DAY);
    deps.faults.throwOn('certifications.update', new Error('worker killed'));
    await expect(sweepCertifications(deps, maja.tenantId)).rejects.toThrow('worker killed');
    const report = await sweepCertifications(deps, maja.tenantId);
    expect(report.advanced).toBe(1);
    expect(deps.outbound.rows.size).toBe(2); // assigned, dueSoon 14 once
    expect(sent()).toEqual(['maja assigned', 'maja dueSoon 14', 'maja dueSoon 14']);
    // and a second sweep the same day changes nothing
    expect(await sweepCertifications(deps, maja.tenantId)).toMatchObject({ checked: 0 });
  });

  it('a settings change sends no backlog: only what falls due from now on', async () => {
    await assignCertification(deps, {
      person: maja,
      certificationId: certification.id,
      assignedBy: 'rule:crew',
    });
    await complete('smoke-diving-course'); // 5 January 2026: valid until 2027-01-05
    await sweepDaily(350); // 21 December: window open, 30-day reminder sent
    const before = deps.outbound.enqueued.length;
    const changed: Certification = testCertification({
      version: 2,
      reminders: { beforeDueDays: [], beforeExpiryDays: [45, 30, 20, 3] },
    });
    deps.certificationCatalog = certificationCatalogOf([changed]);
    await sweepDaily(20);
    expect(sent().slice(before)).toEqual(['maja expiresSoon 3', 'maja expired', 'boss expiredToManager']);
  });

  it('a late renewal after expiry counts from its day; the refresher alone is not enough', async () => {
    await assignCertification(deps, {
      person: maja,
      certificationId: certification.id,
      assignedBy: 'rule:crew',
    });
    await complete('smoke-diving-course'); // valid until 2027-01-05
    await sweepDaily(400); // 9 February 2027: expired on 6 January
    const refresher = await recordProgramCompletion(deps, {
      tenantId: maja.tenantId,
      userId: maja.id,
      programId: 'smoke-diving-refresher',
      at: deps.clock.now(),
    });
    expect(refresher).toEqual([{ certificationId: certification.id, kind: 'needsFullProgram' }]);
    await complete('smoke-diving-course');
    const [record] = deps.certifications.rows.all();
    expect(record?.cycles[1]).toMatchObject({
      certifiedOn: '2027-02-09',
      validUntil: '2028-02-09',
      basis: 'afterExpiry',
    });
    expect(record?.status).toBe('certified');
    expect(deps.certifications.scheduledDays()).toEqual(['2027-12-11 smoke-diving']);
  });

  it('someone who completes a certifying course unassigned holds the certificate all the same', async () => {
    await complete('smoke-diving-course');
    expect(deps.certifications.rows.all()).toEqual([
      expect.objectContaining({ assignedBy: 'completion', status: 'certified' }),
    ]);
    expect(sent()).toEqual(['maja certified']);
  });

  it('assigning twice keeps the first assignment and what was done since', async () => {
    await assignCertification(deps, {
      person: maja,
      certificationId: certification.id,
      assignedBy: 'rule:crew',
    });
    await complete('smoke-diving-course');
    const again = await assignCertification(deps, {
      person: maja,
      certificationId: certification.id,
      assignedBy: 'rule:other',
    });
    expect(again.kind).toBe('alreadyAssigned');
    expect(deps.certifications.rows.all()[0]).toMatchObject({ assignedBy: 'rule:crew', status: 'certified' });
    expect(sent()).toEqual(['maja assigned', 'maja certified']);
  });
});
