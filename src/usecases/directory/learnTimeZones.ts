import { effectiveTimeZone } from '../../domain/delivery/deliveryPolicy.ts';
import type { TimeZoneCheck } from '../../domain/directory/timeZoneCheck.ts';
import type { Clock } from '../../domain/platform/clock.ts';
import type { EnrollmentStore } from '../learning/ports.ts';
import type { Stored } from '../platform/ports.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type {
  MailboxSettingsReader,
  MailboxTimeZone,
  PersonTimeZones,
  TimeZoneCheckStore,
} from './timeZonePorts.ts';

/** Mailboxes usually appear within the hour; a licence assigned late can take days. */
const BACKOFF_MS = [5, 15, 30, 60, 120, 240, 480, 720, 1440].map((m) => m * 60_000);
const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60_000;

export interface LearnTimeZonesDeps {
  clock: Clock;
  checks: TimeZoneCheckStore;
  mailboxes: MailboxSettingsReader;
  people: PersonTimeZones;
  enrollments: Pick<EnrollmentStore, 'listForPerson' | 'get' | 'update'>;
  /** The tenant's default zone: what applies until the mailbox says otherwise. */
  defaultTimeZone: string;
}

export interface TimeZoneReport {
  found: number;
  waiting: number;
  gaveUp: number;
}

/** Asks for a person's time zone to be read once their mailbox exists (idempotent). */
export async function requestTimeZone(
  deps: { clock: Clock; checks: TimeZoneCheckStore },
  tenantId: string,
  userId: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.checks.create({
    tenantId,
    userId,
    status: 'waiting',
    requestedAt: now,
    attempts: 0,
    nextAttemptAt: now,
  });
}

/**
 * Reads the mailbox time zone of each person whose check is due. Found: the zone (mapped from its
 * Windows name) goes on the person, for enrollments to come, and on their active enrollments, which
 * the scheduler reads for working hours and the daily cap. Not there yet: read again later, until a
 * week has passed; the tenant's default zone applies meanwhile.
 */
export async function learnTimeZones(deps: LearnTimeZonesDeps, tenantId: string): Promise<TimeZoneReport> {
  const report: TimeZoneReport = { found: 0, waiting: 0, gaveUp: 0 };
  const now = deps.clock.now();
  for (const due of await deps.checks.listDue(tenantId, now)) {
    const answer = await deps.mailboxes.timeZone(tenantId, due.userId);
    const zone =
      answer.kind === 'found' ? effectiveTimeZone(answer.timeZone, deps.defaultTimeZone) : undefined;
    if (zone) await applyTimeZone(deps, tenantId, due.userId, zone);
    const outcome = await retryOnConflict('record a time zone check', async (n) => {
      const check = n === 1 ? due : await deps.checks.get(tenantId, due.userId);
      if (!check || check.status !== 'waiting') return 'movedOn' as const;
      const [next, counted] = afterAnswer(check, answer, zone, now);
      return orConflict(await deps.checks.update(next), counted);
    });
    if (outcome !== 'movedOn') report[outcome]++;
  }
  return report;
}

async function applyTimeZone(deps: LearnTimeZonesDeps, tenantId: string, userId: string, zone: string) {
  await deps.people.setTimeZone(tenantId, userId, zone);
  for (const listed of await deps.enrollments.listForPerson(tenantId, userId)) {
    await retryOnConflict('move an enrollment to the person’s time zone', async (n) => {
      const e = n === 1 ? listed : await deps.enrollments.get(tenantId, userId, listed.programId);
      if (!e || e.timeZone === zone || (e.status !== 'active' && e.status !== 'completed'))
        return 'unchanged';
      return orConflict(await deps.enrollments.update({ ...e, timeZone: zone }), 'moved');
    });
  }
}

function afterAnswer(
  check: Stored<TimeZoneCheck>,
  answer: MailboxTimeZone,
  zone: string | undefined,
  now: Date,
): [Stored<TimeZoneCheck>, keyof TimeZoneReport] {
  if (answer.kind === 'found') {
    const found = { ...check, status: 'found' as const, mailboxTimeZone: answer.timeZone, timeZone: zone };
    return [{ ...found, nextAttemptAt: undefined, lastProblem: undefined }, 'found'];
  }
  const tooLong = now.getTime() - Date.parse(check.requestedAt) > GIVE_UP_AFTER_MS;
  if (answer.kind === 'failed' || tooLong)
    return [{ ...check, status: 'gaveUp', lastProblem: answer.reason, nextAttemptAt: undefined }, 'gaveUp'];
  const wait = Math.max(answer.afterMs, BACKOFF_MS[Math.min(check.attempts, BACKOFF_MS.length - 1)]!);
  const next = {
    ...check,
    attempts: check.attempts + 1,
    lastProblem: answer.reason,
    nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
  };
  return [next, 'waiting'];
}
