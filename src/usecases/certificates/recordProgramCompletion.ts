import { dayIn } from '../../domain/certificates/calendarDays.ts';
import { assignCertification, completeCertification } from '../../domain/certificates/certificationLife.ts';
import type { CertificationCycle, CompletedVia } from '../../domain/certificates/certificationRecord.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';
import { carryOut } from './applyLifeStep.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

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
      const next = { ...outcome.step.record, cycles: [...outcome.step.record.cycles.slice(0, -1), cycle] };
      if (next.nextCheckOn)
        await deps.certifications.schedule({
          tenantId,
          userId,
          certificationId: certification.id,
          on: next.nextCheckOn,
        });
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
      await carryOut(deps, { ...outcome.step, record: next }, await deps.people.get(tenantId, userId));
      return { certificationId: certification.id, kind: 'certified' as const, cycle };
    });
    if (result) results.push(result);
  }
  return results;
}
