import { dayIn } from '../../domain/certificates/calendarDays.ts';
import { assignCertification as assign } from '../../domain/certificates/certificationLife.ts';
import type { CertificationRecord } from '../../domain/certificates/certificationRecord.ts';
import type { Person } from '../../domain/directory/person.ts';
import { carryOut } from './applyLifeStep.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

export type AssignOutcome =
  | { kind: 'assigned'; record: CertificationRecord }
  /** Assigned before (by a rule, an admin): what is done is kept, nothing changes. */
  | { kind: 'alreadyAssigned'; record: CertificationRecord }
  | { kind: 'unknownCertification' };

/**
 * Makes a certification required for a person: the record (due in `firstDueDays`), the "assigned"
 * notice and the full program. Idempotent: the record is insert-only, so a second assignment (a role
 * change back, a retry) keeps the first and what the person did since. The notice and the enrollment
 * follow the record; a retry after a crash between them finds the record without its enrollment and
 * finishes the work (the notice goes out once, by its key).
 */
export async function assignCertification(
  deps: CertificatesDeps,
  request: { person: Person; certificationId: string; assignedBy: string },
): Promise<AssignOutcome> {
  const certification = deps.certificationCatalog.find(request.certificationId);
  if (!certification) return { kind: 'unknownCertification' };
  const { person } = request;
  const existing = await deps.certifications.get(person.tenantId, person.id, certification.id);
  if (existing) {
    const enrolled = await deps.enrollments.get(person.tenantId, person.id, certification.program);
    if (existing.cycles.length === 0 && !enrolled) {
      await carryOut(deps, assign(certification, existing, existing.assignedOn), person);
    }
    return { kind: 'alreadyAssigned', record: existing };
  }
  const today = dayIn(deps.clock.now(), deps.policy.timeZone);
  const who = { tenantId: person.tenantId, userId: person.id, assignedBy: request.assignedBy };
  const step = assign(certification, who, today);
  // The schedule before the record: a crash in between leaves a check with no record (the sweep drops
  // it), never a record nobody looks at.
  const { nextCheckOn } = step.record;
  if (nextCheckOn) {
    await deps.certifications.schedule({ ...who, on: nextCheckOn, certificationId: certification.id });
  }
  const created = (await deps.certifications.create(step.record)) === 'created';
  if (!created) {
    const stored = await deps.certifications.get(person.tenantId, person.id, certification.id);
    if (stored) return { kind: 'alreadyAssigned', record: stored };
  }
  await carryOut(deps, step, person);
  return { kind: 'assigned', record: step.record };
}
