import type { CertificationRecord } from '../../../domain/certificates/certificationRecord.ts';
import { currentCycle } from '../../../domain/certificates/certificationRecord.ts';
import type { Enrollment } from '../../../domain/learning/enrollment.ts';
import type { LocalizedText } from '../../../domain/learning/program.ts';
import {
  certificationRequirementStatus,
  pathsFor,
  programRequirementStatus,
  type RequirementStatus,
  type RoleOf,
  type RolePath,
} from '../../../domain/learning/paths/rolePath.ts';
import type { CertificationCatalog } from '../../certificates/ports.ts';
import type { ProgramCatalog } from '../programCatalog.ts';

export interface PathRequirement {
  kind: 'program' | 'certification';
  id: string;
  /** The program's or certification's title (the presenter picks the language). */
  title?: LocalizedText;
  status: RequirementStatus;
  /** Started and not done: when it is due (a step's due time, a certification's due day). */
  dueAt?: string;
  /** A certificate held, or one that lapsed: its last valid day. */
  validUntil?: string;
}

export interface PathInTab {
  id: string;
  title: LocalizedText;
  requirements: PathRequirement[];
}

/**
 * The learning paths of the person's role (from the directory's job title and department) with
 * where each requirement stands, from the enrollments and certification records already read.
 */
export function myPaths(
  paths: readonly RolePath[],
  role: RoleOf,
  facts: {
    catalog: ProgramCatalog;
    certificationCatalog?: Pick<CertificationCatalog, 'find'>;
    enrollments: readonly Enrollment[];
    /** The programs with an overdue step. */
    overduePrograms: ReadonlySet<string>;
    records: readonly CertificationRecord[];
  },
): PathInTab[] {
  const enrollments = new Map(facts.enrollments.map((e) => [e.programId, e]));
  const records = new Map(facts.records.map((r) => [r.certificationId, r]));
  return pathsFor(paths, role).map((path) => ({
    id: path.id,
    title: path.title,
    requirements: [
      ...path.programs.map((id): PathRequirement => {
        const e = enrollments.get(id);
        const status = programRequirementStatus(
          !e
            ? { enrollment: 'none' }
            : e.status === 'active'
              ? { enrollment: 'active', overdue: facts.overduePrograms.has(id) }
              : { enrollment: e.status },
        );
        return {
          kind: 'program',
          id,
          title: facts.catalog.find(id)?.title,
          status,
          ...(e?.status === 'active' && e.nextDueAt ? { dueAt: e.nextDueAt } : {}),
        };
      }),
      ...path.certifications.map((id): PathRequirement => {
        const r = records.get(id);
        const status = certificationRequirementStatus(r?.status ?? 'none');
        const cycle = r ? currentCycle(r) : undefined;
        return {
          kind: 'certification',
          id,
          title: facts.certificationCatalog?.find(id)?.title,
          status,
          ...(r && (status === 'due' || status === 'overdue') ? { dueAt: r.dueOn } : {}),
          ...(cycle && status !== 'due' && status !== 'overdue' ? { validUntil: cycle.validUntil } : {}),
        };
      }),
    ],
  }));
}
