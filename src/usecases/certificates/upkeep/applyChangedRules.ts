import { addDays, dayIn, type Day } from '../../../domain/certificates/calendarDays.ts';
import type { Certification } from '../../../domain/certificates/certification.ts';
import { statusOn, underRulesOf } from '../../../domain/certificates/certificationLife.ts';
import { CONFLICT, retryOnConflict } from '../../platform/retryOnConflict.ts';
import type { CertificatesDeps } from '../certificatesDeps.ts';
import type { CertificationUpkeepStore, ScheduledCheck } from '../ports.ts';

export interface RulesReport {
  /** Certifications whose rules changed since the schedule was worked out. */
  changed: string[];
  /** Records whose next check moved. */
  rescheduled: number;
}

/**
 * When a certification's settings change (its version in content), the schedule follows the new
 * rules from today on: each of its records gets the next check the new rules give it, counted from
 * today, so a new reminder or a longer window still ahead falls on its own day. Nothing that would
 * have fallen due before today under the new rules is sent (no backlog); a change of state the new
 * rules bring (a window that is open now) happens today, with its one notice. Safe to run twice and
 * after a crash: a record already under the new rules is left as it is, and the version is written
 * last.
 */
export async function applyChangedRules(
  deps: Pick<CertificatesDeps, 'certifications' | 'certificationCatalog' | 'clock' | 'policy'>,
  upkeep: CertificationUpkeepStore,
  tenantId: string,
): Promise<RulesReport> {
  const today = dayIn(deps.clock.now(), deps.policy.timeZone);
  const report: RulesReport = { changed: [], rescheduled: 0 };
  for (const certification of deps.certificationCatalog.all()) {
    if ((await upkeep.rulesVersion(tenantId, certification.id)) === certification.version) continue;
    report.changed.push(certification.id);
    let continuation: string | undefined;
    do {
      const page = await deps.certifications.listChecksOf(tenantId, certification.id, {
        limit: 1000,
        continuation,
      });
      for (const check of page.checks) {
        if (await reschedule(deps, check, certification, today)) report.rescheduled++;
      }
      continuation = page.continuation;
    } while (continuation !== undefined);
    await upkeep.setRulesVersion(tenantId, certification.id, certification.version);
  }
  return report;
}

async function reschedule(
  deps: Pick<CertificatesDeps, 'certifications'>,
  check: ScheduledCheck,
  certification: Certification,
  today: Day,
): Promise<boolean> {
  const result = await retryOnConflict('reschedule a certification record', async () => {
    const record = await deps.certifications.get(check.tenantId, check.userId, check.certificationId);
    if (!record) return { on: undefined, moved: false };
    if (record.rulesVersion === certification.version) return { on: record.nextCheckOn, moved: false };
    const rebased = underRulesOf(record, certification, today);
    const changesState = statusOn(rebased, certification, today) !== rebased.status;
    const firstOpenDay = rebased.checkedThrough >= today ? addDays(rebased.checkedThrough, 1) : today;
    const next = {
      ...rebased,
      nextCheckOn: changesState ? firstOpenDay : rebased.nextCheckOn,
      etag: record.etag,
    };
    // The new check before the record that points at it: a crash in between leaves one check too many
    // (the sweep finds nothing to do there), never a record nobody looks at.
    if (next.nextCheckOn !== undefined && next.nextCheckOn !== check.on)
      await deps.certifications.schedule({ ...check, on: next.nextCheckOn });
    if ((await deps.certifications.update(next)) === 'conflict') return CONFLICT;
    return { on: next.nextCheckOn, moved: next.nextCheckOn !== check.on };
  });
  // A check its record no longer points at (moved now, or left by an earlier crash) goes.
  if (result.on !== check.on) await deps.certifications.unschedule(check);
  return result.moved;
}
