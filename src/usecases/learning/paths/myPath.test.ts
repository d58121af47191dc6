import { describe, expect, it } from 'vitest';
import type { CertificationRecord } from '../../../domain/certificates/certificationRecord.ts';
import type { Enrollment } from '../../../domain/learning/enrollment.ts';
import { RolePathSchema } from '../../../domain/learning/paths/rolePath.ts';
import { catalogOf } from '../programCatalog.ts';
import { testProgram } from '../testing/fakes.ts';
import { myPaths } from './myPath.ts';

const firefighter = RolePathSchema.parse({
  id: 'firefighter',
  languages: ['en'],
  title: { en: 'Firefighter' },
  audience: { jobTitle: { matches: 'brannkonstabel' } },
  programs: ['welcome', 'drills', 'fire-safety'],
  certifications: ['smoke-diving', 'first-aid', 'ladders', 'chainsaw'],
});
const enrollment = (programId: string, status: Enrollment['status']): Enrollment => ({
  tenantId: 't',
  userId: 'u',
  programId,
  programVersion: 1,
  status,
  enrolledAt: '2026-01-05T08:00:00Z',
  completedSteps: 0,
  totalSteps: 3,
  nextDueAt: '2026-01-12T08:00:00Z',
});
const record = (certificationId: string, status: CertificationRecord['status']): CertificationRecord => ({
  tenantId: 't',
  userId: 'u',
  certificationId,
  assignedOn: '2026-01-05',
  dueOn: '2026-03-06',
  status,
  cycles:
    status === 'assigned'
      ? []
      : [
          {
            n: 1,
            certifiedOn: '2025-02-01',
            validUntil: '2026-02-01',
            basis: 'first',
            via: 'program',
            programId: 'x',
            certificationVersion: 1,
          },
        ],
  checkedThrough: '2026-01-05',
  assignedBy: 'path:firefighter',
  rulesVersion: 1,
});

describe('My learning’s path', () => {
  it('shows each requirement of the role’s path: not started, due, overdue, done, expiring, expired', () => {
    const [path, ...others] = myPaths(
      [firefighter],
      { jobTitle: 'Brannkonstabel' },
      {
        catalog: catalogOf([testProgram({ id: 'welcome' }), testProgram({ id: 'drills' })]),
        enrollments: [enrollment('welcome', 'completed'), enrollment('drills', 'active')],
        overduePrograms: new Set(['drills']),
        records: [
          record('smoke-diving', 'assigned'),
          record('first-aid', 'renewalOpen'),
          record('ladders', 'expired'),
        ],
      },
    );
    expect(others).toEqual([]);
    expect(path?.requirements.map((r) => [r.id, r.status, r.dueAt ?? r.validUntil ?? null])).toEqual([
      ['welcome', 'done', null],
      ['drills', 'overdue', '2026-01-12T08:00:00Z'],
      ['fire-safety', 'required', null],
      ['smoke-diving', 'due', '2026-03-06'],
      ['first-aid', 'expiring', '2026-02-01'],
      ['ladders', 'expired', '2026-02-01'],
      ['chainsaw', 'required', null],
    ]);
  });

  it('shows no path to someone whose role has none', () => {
    const facts = {
      catalog: catalogOf([]),
      enrollments: [],
      overduePrograms: new Set<string>(),
      records: [],
    };
    expect(myPaths([firefighter], { jobTitle: 'Sykepleier' }, facts)).toEqual([]);
    expect(myPaths([firefighter], {}, facts)).toEqual([]);
  });
});
