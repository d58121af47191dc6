import { describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '../directory/directoryPerson.ts';
import {
  EnrollmentRuleSchema,
  matchRules,
  RulesFileSchema,
  type DirectoryEvent,
  type EnrollmentRule,
} from './enrollmentRules.ts';

const NURSES = 'aaaaaaaa-0000-4000-8000-000000000001';
const JOINED: DirectoryEvent = { kind: 'joined' };

function person(overrides: Partial<DirectoryPerson> = {}): DirectoryPerson {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    displayName: 'Maja Berg',
    userPrincipalName: 'maja.berg@kommune.example',
    accountEnabled: true,
    userType: 'Member',
    department: 'Helse og omsorg',
    jobTitle: 'Sykepleier',
    ...overrides,
  };
}

/** Parses like the loader does, so tests use rules as the sync gets them. */
function rule(input: Record<string, unknown>): EnrollmentRule {
  return EnrollmentRuleSchema.parse({ when: 'joined', programs: [`${String(input.id)}-program`], ...input });
}

function programsFor(rules: EnrollmentRule[], p: DirectoryPerson, event: DirectoryEvent = JOINED): string[] {
  return matchRules(rules, event, p).map((m) => m.programId);
}

describe('matchRules', () => {
  it('gives an everyone rule to everyone who joins', () => {
    const rules = [rule({ id: 'welcome', audience: { everyone: true }, programs: ['welcome-onboarding'] })];
    expect(matchRules(rules, JOINED, person())).toEqual([
      { ruleId: 'welcome', programId: 'welcome-onboarding' },
    ]);
  });

  it('matches job titles by regular expression anywhere in the title, ignoring case', () => {
    const rules = [rule({ id: 'leaders', audience: { jobTitle: { matches: '(leder|manager)' } } })];
    expect(programsFor(rules, person({ jobTitle: 'Avdelingsleder' }))).toEqual(['leaders-program']);
    expect(programsFor(rules, person({ jobTitle: 'IT MANAGER' }))).toEqual(['leaders-program']);
    expect(programsFor(rules, person({ jobTitle: 'Sykepleier' }))).toEqual([]);
    expect(programsFor(rules, person({ jobTitle: undefined }))).toEqual([]);
  });

  it('matches departments by exact value, ignoring case and surrounding spaces', () => {
    const rules = [
      rule({ id: 'nursing', audience: { department: { equals: ['Helse og omsorg', 'Nursing'] } } }),
    ];
    expect(programsFor(rules, person({ department: ' helse og omsorg ' }))).toEqual(['nursing-program']);
    expect(programsFor(rules, person({ department: 'Nursing' }))).toEqual(['nursing-program']);
    expect(programsFor(rules, person({ department: 'Helse' }))).toEqual([]);
  });

  it('matches group members by the group object id', () => {
    const rules = [rule({ id: 'nurses', audience: { group: NURSES.toUpperCase() } })];
    expect(programsFor(rules, person({ groupIds: ['other', NURSES] }))).toEqual(['nurses-program']);
    expect(programsFor(rules, person({ groupIds: ['other'] }))).toEqual([]);
    expect(programsFor(rules, person({ groupIds: undefined }))).toEqual([]);
  });

  it('combines conditions with all and any', () => {
    const nursingLeaders = rule({
      id: 'nursing-leaders',
      audience: {
        all: [
          { department: { equals: ['Helse og omsorg'] } },
          { any: [{ jobTitle: { matches: 'leder' } }, { group: NURSES }] },
        ],
      },
    });
    const rules = [nursingLeaders];
    expect(programsFor(rules, person({ jobTitle: 'Enhetsleder' }))).toEqual(['nursing-leaders-program']);
    expect(programsFor(rules, person({ groupIds: [NURSES] }))).toEqual(['nursing-leaders-program']);
    expect(programsFor(rules, person())).toEqual([]);
    expect(programsFor(rules, person({ department: 'Skole', jobTitle: 'Enhetsleder' }))).toEqual([]);
  });

  it('only applies rules whose trigger matches the event', () => {
    const rules = [
      rule({ id: 'leaders', when: 'roleChanged', audience: { jobTitle: { matches: 'leder' } } }),
    ];
    expect(programsFor(rules, person({ jobTitle: 'Leder' }))).toEqual([]);
  });

  it('on a change of role, applies a rule only to people newly in its audience', () => {
    const rules = [
      rule({ id: 'welcome', when: ['joined', 'roleChanged'], audience: { everyone: true } }),
      rule({ id: 'leaders', when: ['joined', 'roleChanged'], audience: { jobTitle: { matches: 'leder' } } }),
    ];
    const promoted: DirectoryEvent = { kind: 'roleChanged', before: person({ jobTitle: 'Sykepleier' }) };
    expect(matchRules(rules, promoted, person({ jobTitle: 'Avdelingsleder' }))).toEqual([
      { ruleId: 'leaders', programId: 'leaders-program' },
    ]);
    const sideways: DirectoryEvent = { kind: 'roleChanged', before: person({ jobTitle: 'Fagleder' }) };
    expect(programsFor(rules, person({ jobTitle: 'Avdelingsleder' }), sideways)).toEqual([]);
  });

  it('gives each program once, naming the first rule that gave it', () => {
    const rules = [
      rule({ id: 'welcome', audience: { everyone: true }, programs: ['welcome-onboarding', 'security'] }),
      rule({
        id: 'nursing',
        audience: { department: { equals: ['Helse og omsorg'] } },
        programs: ['security', 'hygiene'],
      }),
    ];
    expect(matchRules(rules, JOINED, person())).toEqual([
      { ruleId: 'welcome', programId: 'welcome-onboarding' },
      { ruleId: 'welcome', programId: 'security' },
      { ruleId: 'nursing', programId: 'hygiene' },
    ]);
  });
});

describe('EnrollmentRuleSchema', () => {
  const valid = { id: 'r', when: 'joined', audience: { everyone: true }, programs: ['p'] };

  it('turns a single trigger into a list', () => {
    expect(EnrollmentRuleSchema.parse(valid).when).toEqual(['joined']);
    expect(EnrollmentRuleSchema.parse({ ...valid, when: ['joined', 'roleChanged'] }).when).toEqual([
      'joined',
      'roleChanged',
    ]);
  });

  it('rejects a regular expression that does not compile', () => {
    const result = EnrollmentRuleSchema.safeParse({
      ...valid,
      audience: { jobTitle: { matches: '(leder' } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.message).toMatch(/not a valid regular expression/);
  });

  it('rejects unknown fields, two conditions in one audience, and a group that is not an object id', () => {
    expect(RulesFileSchema.safeParse({ rules: [{ ...valid, extra: 1 }] }).success).toBe(false);
    const both = { department: { equals: ['A'] }, jobTitle: { equals: ['B'] } };
    expect(EnrollmentRuleSchema.safeParse({ ...valid, audience: both }).success).toBe(false);
    expect(EnrollmentRuleSchema.safeParse({ ...valid, audience: { group: 'Nurses' } }).success).toBe(false);
    expect(EnrollmentRuleSchema.safeParse({ ...valid, when: 'left' }).success).toBe(false);
  });
});
