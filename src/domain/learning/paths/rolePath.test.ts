import { describe, expect, it } from 'vitest';
import {
  certificationRequirementStatus,
  programRequirementStatus,
  requirementsFor,
  requirementsGained,
  RolePathSchema,
} from './rolePath.ts';

const everyone = RolePathSchema.parse({
  id: 'everyone',
  languages: ['en'],
  title: { en: 'Everyone' },
  audience: { everyone: true },
  programs: ['welcome'],
});
const firefighter = RolePathSchema.parse({
  id: 'firefighter',
  languages: ['en'],
  title: { en: 'Firefighter' },
  audience: { any: [{ jobTitle: { matches: 'brannkonstabel' } }, { department: { equals: ['Brann'] } }] },
  programs: ['fire-safety'],
  certifications: ['smoke-diving', 'first-aid'],
});
const nurse = RolePathSchema.parse({
  id: 'nurse',
  languages: ['en'],
  title: { en: 'Nurse' },
  audience: { jobTitle: { equals: ['Sykepleier'] } },
  certifications: ['first-aid'],
});
const paths = [everyone, firefighter, nurse];
const ids = (rs: { kind: string; id: string }[]) => rs.map((r) => `${r.kind}:${r.id}`);

describe('learning paths by role', () => {
  it('requires each program and certification of every path the role is on, once, naming its paths', () => {
    const found = requirementsFor(paths, { jobTitle: 'Sykepleier', department: 'Brann' });
    expect(ids(found)).toEqual([
      'program:welcome',
      'program:fire-safety',
      'certification:smoke-diving',
      'certification:first-aid',
    ]);
    expect(found[3]?.pathIds).toEqual(['firefighter', 'nurse']);
  });

  it('gives a new hire everything their role requires', () => {
    const gained = requirementsGained(paths, { kind: 'joined' }, { jobTitle: 'Sykepleier' });
    expect(ids(gained)).toEqual(['program:welcome', 'certification:first-aid']);
  });

  it('on a change of role brings only the paths entered: the path for everyone never fires again', () => {
    const before = {
      id: 'p',
      displayName: 'P',
      userPrincipalName: 'p@x',
      accountEnabled: true,
      userType: 'Member' as const,
    };
    const gained = requirementsGained(
      paths,
      { kind: 'roleChanged', before: { ...before, jobTitle: 'Sykepleier' } },
      { jobTitle: 'Sykepleier', department: 'Brann' },
    );
    // first-aid is also the nurse's, but the firefighter path is new and asks for it: assigning it
    // again is a no-op downstream (insert-only), and listing it keeps the path whole.
    expect(ids(gained)).toEqual([
      'program:fire-safety',
      'certification:smoke-diving',
      'certification:first-aid',
    ]);
    expect(gained.every((r) => r.pathIds.join() === 'firefighter')).toBe(true);
  });

  it('brings nothing when the role stays on the same paths (a move between fire stations)', () => {
    const before = {
      id: 'p',
      displayName: 'P',
      userPrincipalName: 'p@x',
      accountEnabled: true,
      userType: 'Member' as const,
      jobTitle: 'Brannkonstabel',
      department: 'Stasjon 1',
    };
    const gained = requirementsGained(
      paths,
      { kind: 'roleChanged', before },
      { jobTitle: 'Brannkonstabel', department: 'Stasjon 2' },
    );
    expect(gained).toEqual([]);
  });

  it('refuses a path for a group, a path with nothing in it and a title missing a language', () => {
    const result = RolePathSchema.safeParse({
      id: 'x',
      languages: ['en', 'nb'],
      title: { en: 'X' },
      audience: { all: [{ group: '5f1c3b6e-2a7d-4c1e-9b8a-0d6e4f2a1c37' }] },
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'programs: a path needs at least one program or certification',
      'title: missing text for nb',
      'audience: a path is for job titles and departments (or everyone); use an enrollment rule (rules/) for a group',
    ]);
  });

  it('tells done, due, overdue, expiring and expired apart from not started', () => {
    expect(programRequirementStatus({ enrollment: 'none' })).toBe('required');
    expect(programRequirementStatus({ enrollment: 'withdrawn' })).toBe('required');
    expect(programRequirementStatus({ enrollment: 'active', overdue: false })).toBe('due');
    expect(programRequirementStatus({ enrollment: 'active', overdue: true })).toBe('overdue');
    expect(programRequirementStatus({ enrollment: 'completed' })).toBe('done');
    expect(certificationRequirementStatus('none')).toBe('required');
    expect(certificationRequirementStatus('assigned')).toBe('due');
    expect(certificationRequirementStatus('certified')).toBe('done');
    expect(certificationRequirementStatus('renewalOpen')).toBe('expiring');
    expect(certificationRequirementStatus('expired')).toBe('expired');
  });
});
