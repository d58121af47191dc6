import { dayIn } from '../../domain/certificates/calendarDays.ts';
import { assignCertification, completeCertification } from '../../domain/certificates/certificationLife.ts';
import type {
  CertificationCycle,
  CertificationRecord,
  CompletedVia,
} from '../../domain/certificates/certificationRecord.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';
import { carryOut } from './applyLifeStep.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';
import type { ScheduledCheck } from './ports.ts';

export type CompletionResult =
  | { certificationId: string; kind: 'certified'; cycle: CertificationCycle }
  | { certificationId: string; kind: 'notDue' | 'needsFullProgram' };

/**
 * A person completed a program (or had it recognised by a test): each certification it certifies or
 * renews moves on. Someone who completes a certifying course without having been assigned the
 * certification holds it all the same (the record is made, assigned by the completion). The renewal
 * counts on the day it was done in the tenant's calendar. The "certified" or "renewed" notice goes
 * out by its key, the record is written with its ETag, and the schedule follows the new cycle.
 */
export async function recordProgramCompletion(
  deps: CertificatesDeps,
  completion: { tenantId: string; userId: string; programId: string; at: Date; via?: CompletedVia },
): Promise<CompletionResult[]> {
  const completedOn = dayIn(completion.at, deps.policy.timeZone);
  const results: CompletionResult[] = [];
  for (const certification of deps.certificationCatalog.certifiedBy(completion.programId)) {
    const { tenantId, userId } = completion;
    const result = await retryOnConflict('record a certifying completion', async () => {
      const stored = await deps.certifications.get(tenantId, userId, certification.id);
      const record =
        stored ??
        assignCertification(certification, { tenantId, userId, assignedBy: 'completion' }, completedOn)
          .record;
      const outcome = completeCertification(record, certification, {
        programId: completion.programId,
        completedOn,
        via: completion.via,
      });
      if (outcome.kind !== 'certified') {
        return outcome.kind === 'notThisCertification'
          ? undefined
          : { certificationId: certification.id, kind: outcome.kind };
      }
      // The certificate's code is recorded before the certificate: a crash in between leaves a code
      // that verifies nothing, never a certificate whose code does not verify.
      const code = deps.newVerificationCode();
      await deps.certifications.saveCode({
        code,
        tenantId,
        userId,
        certificationId: certification.id,
        cycle: outcome.cycle.n,
      });
      const cycle = { ...outcome.cycle, verificationCode: code };
      const next = {
        ...outcome.step.record,
        cycles: [...outcome.step.record.cycles.slice(0, -1), cycle],
        // The card goes with the certificate: a crash before it is enqueued leaves it here for the sweep.
        unsentNotices: [...(outcome.step.record.unsentNotices ?? []), ...outcome.step.notices],
      };
      const check = { tenantId, userId, certificationId: certification.id };
      if (next.nextCheckOn) await deps.certifications.schedule({ ...check, on: next.nextCheckOn });
      // The sweep's way to the unsent card, scheduled before the record that holds it.
      await deps.certifications.schedule({ ...check, on: completedOn });
      const written = stored
        ? await deps.certifications.update({ ...next, etag: stored.etag })
        : (await deps.certifications.create(next)) === 'created'
          ? 'updated'
          : 'conflict';
      if (written === 'conflict') return CONFLICT;
      if (stored?.nextCheckOn && stored.nextCheckOn !== next.nextCheckOn) {
        await deps.certifications.unschedule({
          tenantId,
          userId,
          certificationId: certification.id,
          on: stored.nextCheckOn,
        });
      }
      const person = await deps.people.get(tenantId, userId);
      await carryOut(deps, { ...outcome.step, record: next, notices: next.unsentNotices }, person);
      await markSent(deps, { ...check, on: completedOn }, next);
      return { certificationId: certification.id, kind: 'certified' as const, cycle };
    });
    if (result) results.push(result);
  }
  return results;
}

/**
 * The card is on the pipeline: the record no longer needs to hold it, nor the sweep to look. Someone
 * who changed the record meanwhile wins; the sweep then enqueues the notice again, and its key makes
 * that nothing.
 */
async function markSent(
  deps: CertificatesDeps,
  check: ScheduledCheck,
  written: Pick<CertificationRecord, 'unsentNotices' | 'nextCheckOn'>,
): Promise<void> {
  const stored = await deps.certifications.get(check.tenantId, check.userId, check.certificationId);
  if (!stored || JSON.stringify(stored.unsentNotices) !== JSON.stringify(written.unsentNotices)) return;
  const { unsentNotices: _sent, ...rest } = stored;
  if ((await deps.certifications.update(rest)) === 'conflict') return;
  if (written.nextCheckOn !== check.on) await deps.certifications.unschedule(check);
}
