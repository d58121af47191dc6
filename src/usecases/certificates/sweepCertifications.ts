import { dayIn, type Day } from '../../domain/certificates/calendarDays.ts';
import { advanceTo } from '../../domain/certificates/certificationLife.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';
import { carryOut } from './applyLifeStep.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';
import type { ScheduledCheck } from './ports.ts';

export interface SweepReport {
  day: Day;
  /** Scheduled checks read (due today or earlier). */
  checked: number;
  /** Records that moved on (a reminder's day came, a window opened, a certificate expired). */
  advanced: number;
  notices: number;
  enrolled: number;
  /** Checks whose record or certification is gone: removed. */
  dropped: number;
}

export interface SweepOptions {
  /** Checks read per page (Table Storage answers at most 1,000 rows a page). */
  pageSize?: number;
  /** Records worked on at once. */
  concurrency?: number;
}

/**
 * The daily certification sweep for one tenant: every record with something due today or before (a
 * reminder, a window, an expiry) moves on, and what that brings is sent and enrolled. It reads only
 * the schedule rows due by today (they are keyed by day), so its cost follows the number due, not
 * the number of people. Safe to run any number of times a day and from two workers at once: a record
 * already moved to today changes nothing, its notices go out at most once by their keys, and each
 * record is written only if nobody changed it since it was read. "Today" is the tenant's day (its
 * default time zone): certificates are valid through whole calendar days.
 */
export async function sweepCertifications(
  deps: CertificatesDeps,
  tenantId: string,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const day = dayIn(deps.clock.now(), deps.policy.timeZone);
  const report: SweepReport = { day, checked: 0, advanced: 0, notices: 0, enrolled: 0, dropped: 0 };
  let continuation: string | undefined;
  do {
    const page = await deps.certifications.listDue(tenantId, day, {
      limit: options.pageSize ?? 1000,
      continuation,
    });
    report.checked += page.checks.length;
    await mapLimit(page.checks, options.concurrency ?? 16, (check) => sweepOne(deps, check, day, report));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return report;
}

async function sweepOne(
  deps: CertificatesDeps,
  check: ScheduledCheck,
  day: Day,
  report: SweepReport,
): Promise<void> {
  const certification = deps.certificationCatalog.find(check.certificationId);
  // The certification left the content: nothing is known to do for it any more.
  if (!certification) {
    await deps.certifications.unschedule(check);
    report.dropped++;
    return;
  }
  const nextCheckOn = await retryOnConflict('sweep a certification record', async () => {
    const record = await deps.certifications.get(check.tenantId, check.userId, check.certificationId);
    if (!record) return { gone: true as const };
    const unsent = record.unsentNotices ?? [];
    const step = advanceTo(record, certification, day);
    if (step.record === record && unsent.length === 0)
      return { gone: false as const, on: record.nextCheckOn };
    const person = await deps.people.get(check.tenantId, check.userId);
    // Notices a completion wrote but may not have enqueued (a crash in between) go first, by their keys.
    const done = await carryOut(deps, { ...step, notices: [...unsent, ...step.notices] }, person);
    const { unsentNotices: _sent, ...next } = step.record;
    if ((await deps.certifications.update({ ...next, etag: record.etag })) === 'conflict') return CONFLICT;
    report.advanced++;
    report.notices += done.notices;
    report.enrolled += done.enrolled;
    return { gone: false as const, on: step.record.nextCheckOn };
  });
  if (nextCheckOn.gone) report.dropped++;
  // The next check before this one goes: a crash in between leaves both, never neither.
  else if (nextCheckOn.on !== undefined && nextCheckOn.on !== check.on) {
    await deps.certifications.schedule({ ...check, on: nextCheckOn.on });
  }
  if (nextCheckOn.gone || nextCheckOn.on !== check.on) await deps.certifications.unschedule(check);
}
