import type { Person } from '../../../domain/directory/person.ts';
import type { DirectoryEvent } from '../../../domain/learning/enrollmentRules.ts';
import {
  requirementsGained,
  type Requirement,
  type RolePath,
} from '../../../domain/learning/paths/rolePath.ts';
import { assignCertification } from '../../certificates/assignCertification.ts';
import type { CertificatesDeps } from '../../certificates/certificatesDeps.ts';
import { enrollPerson } from '../enrolling/enrollPerson.ts';
import type { LearningDeps } from '../learningDeps.ts';

export interface RolePathDeps extends Pick<
  LearningDeps,
  'clock' | 'catalog' | 'enrollments' | 'steps' | 'dueWork' | 'policy'
> {
  paths: readonly RolePath[];
  /** Where certifications are assigned; absent, a path's certifications wait (reported as such). */
  certificates?: CertificatesDeps;
}

export type RequirementOutcome = Requirement & {
  outcome: 'assigned' | 'alreadyThere' | 'unknown' | 'noCertificates';
  /** A program: whether the person is (still) working on it, for the manager's notice of a new hire. */
  active?: boolean;
};

/**
 * Gives a person what their role's paths require when the directory says they joined or changed
 * role: the programs (enrolled) and the certifications (assigned, which enrolls the certifying
 * program). Safe to run twice, and a change of role keeps everything done: enrolling and assigning
 * are insert-only, so a completed program is never enrolled again, a certification already held
 * keeps its history, and what an earlier role required is left as it stands (never withdrawn).
 * `alreadyEnrolled` names programs the caller enrolled just before (the enrollment rules), which are
 * not enrolled a second time.
 */
export async function assignRolePath(
  deps: RolePathDeps,
  request: { person: Person; event: DirectoryEvent; start: Date; alreadyEnrolled?: ReadonlySet<string> },
): Promise<RequirementOutcome[]> {
  const { person } = request;
  const outcomes: RequirementOutcome[] = [];
  for (const requirement of requirementsGained(deps.paths, request.event, person)) {
    if (requirement.kind === 'program') {
      if (request.alreadyEnrolled?.has(requirement.id)) {
        outcomes.push({ ...requirement, outcome: 'alreadyThere' });
        continue;
      }
      const enrolled = await enrollPerson(deps, {
        person,
        programId: requirement.id,
        start: request.start,
      });
      const active = enrolled.kind !== 'unknownProgram' && enrolled.enrollment.status === 'active';
      outcomes.push({ ...requirement, outcome: outcomeOf(enrolled.kind), active });
      continue;
    }
    if (!deps.certificates) {
      outcomes.push({ ...requirement, outcome: 'noCertificates' });
      continue;
    }
    const assigned = await assignCertification(deps.certificates, {
      person,
      certificationId: requirement.id,
      assignedBy: `path:${requirement.pathIds[0]}`,
    });
    outcomes.push({ ...requirement, outcome: outcomeOf(assigned.kind) });
  }
  return outcomes;
}

function outcomeOf(kind: string): RequirementOutcome['outcome'] {
  if (kind === 'enrolled' || kind === 'assigned') return 'assigned';
  if (kind === 'alreadyEnrolled' || kind === 'alreadyAssigned') return 'alreadyThere';
  return 'unknown';
}
