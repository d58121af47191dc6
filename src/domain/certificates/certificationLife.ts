// The certification state machine: assigning, the passing of days (what the daily sweep sees), and
// completing the certifying program. Each step returns the new record, the notices it gives rise to
// and the programs to enroll the person in; nothing here does I/O. See certificationRecord.ts.
//
// Notices are decided once per day and never for days already looked at, so a change to a
// certification's settings (a new reminder lead time, a longer window) applies to what falls due
// from now on and never sends a backlog. A state change a settings change causes (a window that is
// open now under the new rules) happens today, with its one notice.
import { addDays, minDay, type Day } from './calendarDays.ts';
import { renewalProgramOf, type Certification } from './certification.ts';
import {
  currentCycle,
  type CertificationCycle,
  type CertificationRecord,
  type CertificationStatus,
  type CompletedVia,
} from './certificationRecord.ts';
import type { CertificationNotice } from './notices.ts';
import { firstDueOn, validUntilFor, windowOpensOn } from './validity.ts';

export { NOTICE_KINDS, type CertificationNotice, type CertificationNoticeKind } from './notices.ts';

/** At most once per person per cycle: the same notice always has the same key. */
export function noticeKey(
  record: Pick<CertificationRecord, 'userId' | 'certificationId'>,
  n: CertificationNotice,
): string {
  return ['cert', record.userId, record.certificationId, `c${n.cycle}`, n.kind, String(n.days ?? '-')].join(
    '|',
  );
}

/** A program the person must now do: the full one (first time, after an expiry) or the refresher. */
export interface EnrollAction {
  programId: string;
  /** The person may have done it in an earlier cycle: start it again from the beginning. */
  again: boolean;
}

export interface LifeStep {
  record: CertificationRecord;
  notices: CertificationNotice[];
  enroll: EnrollAction[];
  /** Programs to withdraw the person from: a refresher that can no longer renew an expired certificate. */
  withdraw: string[];
}

/** The status on `today`, from the dates alone (the stored status may be a sweep behind). */
export function statusOn(
  record: CertificationRecord,
  certification: Certification,
  today: Day,
): CertificationStatus {
  const cycle = currentCycle(record);
  if (cycle === undefined) return today > record.dueOn ? 'overdue' : 'assigned';
  if (today > cycle.validUntil) return 'expired';
  return today >= windowOpensOn(certification, cycle.validUntil) ? 'renewalOpen' : 'certified';
}

/** A new requirement: the person is told and enrolled in the full program. */
export function assignCertification(
  certification: Certification,
  who: { tenantId: string; userId: string; assignedBy: string },
  today: Day,
): LifeStep {
  const record: CertificationRecord = {
    ...who,
    certificationId: certification.id,
    assignedOn: today,
    dueOn: firstDueOn(certification, today),
    status: 'assigned',
    cycles: [],
    checkedThrough: today,
    rulesVersion: certification.version,
  };
  record.nextCheckOn = nextCheckOn(record, certification);
  return {
    record,
    notices: [{ kind: 'assigned', to: 'person', cycle: 0, on: today }],
    enroll: [{ programId: certification.program, again: false }],
    withdraw: [],
  };
}

/**
 * What happens between the last day looked at and `today`: reminders whose day came, and the
 * transitions (overdue, window open, expired). Running it twice for the same day changes nothing.
 */
export function advanceTo(current: CertificationRecord, certification: Certification, today: Day): LifeStep {
  const record = underRulesOf(current, certification, today);
  if (today <= record.checkedThrough) {
    return { record: current, notices: [], enroll: [], withdraw: [] };
  }
  const from = record.checkedThrough;
  const came = (day: Day) => day > from && day <= today;
  const status = statusOn(record, certification, today);
  const notices: CertificationNotice[] = [];
  const enroll: EnrollAction[] = [];
  const withdraw: string[] = [];
  const cycle = currentCycle(record);
  let cycles = record.cycles;

  if (cycle === undefined) {
    if (status === 'assigned') {
      for (const days of certification.reminders.beforeDueDays) {
        const on = addDays(record.dueOn, -days);
        if (came(on)) notices.push({ kind: 'dueSoon', to: 'person', cycle: 0, days, on });
      }
    } else if (record.status !== 'overdue') {
      notices.push({ kind: 'overdue', to: 'person', cycle: 0, on: addDays(record.dueOn, 1) });
    }
  } else if (status === 'expired') {
    if (record.status !== 'expired') {
      const on = addDays(cycle.validUntil, 1);
      notices.push({ kind: 'expired', to: 'person', cycle: cycle.n, on });
      notices.push({ kind: 'expiredToManager', to: 'manager', cycle: cycle.n, on });
      enroll.push({ programId: certification.program, again: true });
      if (certification.refresherProgram) withdraw.push(certification.refresherProgram);
      cycles = withEnded(record.cycles, { on, how: 'expired' });
    }
  } else {
    if (status === 'renewalOpen' && record.status === 'certified') {
      const opened = windowOpensOn(certification, cycle.validUntil);
      notices.push({ kind: 'windowOpen', to: 'person', cycle: cycle.n, on: opened > from ? opened : today });
      enroll.push({ programId: renewalProgramOf(certification), again: true });
    }
    for (const days of certification.reminders.beforeExpiryDays) {
      const on = addDays(cycle.validUntil, -days);
      if (came(on)) notices.push({ kind: 'expiresSoon', to: 'person', cycle: cycle.n, days, on });
    }
  }
  const next: CertificationRecord = { ...record, status, cycles, checkedThrough: today };
  next.nextCheckOn = nextCheckOn(next, certification);
  return { record: next, notices: notices.sort(byDay), enroll, withdraw };
}

export type CompletionOutcome =
  | { kind: 'certified'; step: LifeStep; cycle: CertificationCycle }
  /** Certified and the window not open yet: there is nothing to renew; nothing changes. */
  | { kind: 'notDue' }
  /** After an expiry the full program is needed again; the refresher alone does not renew. */
  | { kind: 'needsFullProgram' }
  /** The program does not certify this certification. */
  | { kind: 'notThisCertification' };

/**
 * The person completed (or was recognised in) a program on `completedOn`. A first certification and
 * one after an expiry count from the completion day; a renewal before expiry follows the
 * certification's rule. The status is judged on the completion day itself, so a sweep that has not
 * run yet changes nothing: a renewal done after the expiry is late even if nobody noticed the expiry.
 */
export function completeCertification(
  record: CertificationRecord,
  certification: Certification,
  completion: { programId: string; completedOn: Day; via?: CompletedVia },
): CompletionOutcome {
  const isFull = completion.programId === certification.program;
  const isRefresher = completion.programId === certification.refresherProgram;
  if (!isFull && !isRefresher) return { kind: 'notThisCertification' };
  const status = statusOn(record, certification, completion.completedOn);
  if (status === 'certified') return { kind: 'notDue' };
  if (status === 'expired' && !isFull) return { kind: 'needsFullProgram' };
  if (!isFull && currentCycle(record) === undefined) return { kind: 'needsFullProgram' };

  const previous = currentCycle(record);
  const on = completion.completedOn;
  const basis = previous === undefined ? 'first' : status === 'expired' ? 'afterExpiry' : 'renewal';
  const cycle: CertificationCycle = {
    n: record.cycles.length + 1,
    certifiedOn: on,
    validUntil: validUntilFor(certification, on, basis === 'renewal' ? previous?.validUntil : undefined),
    basis,
    via: completion.via ?? (isFull ? 'program' : 'refresher'),
    programId: completion.programId,
    certificationVersion: certification.version,
  };
  const ended =
    previous === undefined
      ? record.cycles
      : withEnded(
          record.cycles,
          previous.ended ??
            (basis === 'renewal'
              ? { on, how: 'renewed' }
              : { on: addDays(previous.validUntil, 1), how: 'expired' }),
        );
  const next: CertificationRecord = {
    ...record,
    rulesVersion: certification.version,
    cycles: [...ended, cycle],
    checkedThrough: record.checkedThrough > on ? record.checkedThrough : on,
  };
  next.status = statusOn(next, certification, next.checkedThrough);
  next.nextCheckOn = nextCheckOn(next, certification);
  const kind = previous === undefined ? 'certified' : 'renewed';
  return {
    kind: 'certified',
    cycle,
    step: { record: next, notices: [{ kind, to: 'person', cycle: cycle.n, on }], enroll: [], withdraw: [] },
  };
}

/**
 * A record whose schedule was worked out under other rules (the certification's settings changed):
 * under those rules nothing was due before its next check, so every day up to then (and up to
 * yesterday at most) counts as looked at. A new reminder whose day has passed is not owed; a new one
 * still ahead is. Pure bookkeeping: no notice, no change of state.
 */
export function underRulesOf(
  record: CertificationRecord,
  certification: Certification,
  today: Day,
): CertificationRecord {
  if (record.rulesVersion === certification.version) return record;
  const yesterday = addDays(today, -1);
  const quietUntil =
    record.nextCheckOn === undefined ? yesterday : minDay([addDays(record.nextCheckOn, -1), yesterday])!;
  const checkedThrough = quietUntil > record.checkedThrough ? quietUntil : record.checkedThrough;
  const rebased = { ...record, checkedThrough, rulesVersion: certification.version };
  return { ...rebased, nextCheckOn: nextCheckOn(rebased, certification) };
}

/**
 * The first day after `checkedThrough` on which something may happen: the schedule's index. None
 * while nothing will (overdue, expired): those wait for a completion, and cost the sweep nothing.
 */
export function nextCheckOn(record: CertificationRecord, certification: Certification): Day | undefined {
  const after = record.checkedThrough;
  const future = (days: (Day | undefined)[]) => minDay(days.filter((d) => d !== undefined && d > after));
  const cycle = currentCycle(record);
  if (cycle === undefined) {
    if (record.status === 'overdue') return undefined;
    const reminders = certification.reminders.beforeDueDays.map((d) => addDays(record.dueOn, -d));
    return future([...reminders, addDays(record.dueOn, 1)]);
  }
  if (record.status === 'expired') return undefined;
  const reminders = certification.reminders.beforeExpiryDays.map((d) => addDays(cycle.validUntil, -d));
  return future([...reminders, windowOpensOn(certification, cycle.validUntil), addDays(cycle.validUntil, 1)]);
}

function withEnded(
  cycles: CertificationCycle[],
  ended: NonNullable<CertificationCycle['ended']>,
): CertificationCycle[] {
  return cycles.map((c, i) => (i === cycles.length - 1 && c.ended === undefined ? { ...c, ended } : c));
}

function byDay(a: CertificationNotice, b: CertificationNotice): number {
  return a.on < b.on ? -1 : a.on > b.on ? 1 : 0;
}
