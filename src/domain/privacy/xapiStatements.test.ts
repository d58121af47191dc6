import { describe, expect, it } from 'vitest';
import * as xapiValidation from '@learninglocker/xapi-validation';
import type { LearningRecord } from './learningRecord.ts';
import { statementsOf, xapiVerbs, type ActivityNames } from './xapiStatements.ts';

// Learning Locker's validation is a CommonJS module whose function is its `default`.
type Validate = (statement: unknown) => Array<{ path: string[]; name: string }>;
const validation = (xapiValidation as unknown as { default: Validate | { default: Validate } }).default;
const validate: Validate = typeof validation === 'function' ? validation : validation.default;
const xapiProblems = (s: unknown) => validate(s).map((w) => `${w.path.join('.')}: ${w.name}`);

const settings = { activityBase: 'https://drypp.app/xapi', homePage: 'https://drypp.app/tenants/{tenant}' };
const names: ActivityNames = {
  program: () => ({ en: 'Welcome', nb: 'Velkommen' }),
  step: () => ({ en: 'First week', nb: 'Første uke' }),
};
const tenantId = '11111111-1111-1111-1111-111111111111';
const personId = '5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f00';
const pseudonym = '0b7f4f0e-43c2-4c55-9a43-1e0f8a3c3b1d';

function record(events: LearningRecord['events'], at = '2026-11-30T09:15:00.000Z'): LearningRecord {
  return { tenantId, personId, at, language: 'nb', events };
}

const everyKind = record([
  { kind: 'lessonExperienced', programId: 'welcome-onboarding', stepId: 'day-1' },
  {
    kind: 'quizAnswered',
    programId: 'welcome-onboarding',
    stepId: 'quiz-1',
    attempt: 1,
    score: 0.5,
    passed: false,
    finished: false,
  },
  {
    kind: 'quizAnswered',
    programId: 'welcome-onboarding',
    stepId: 'quiz-1',
    attempt: 2,
    score: 1,
    passed: true,
    finished: true,
  },
  { kind: 'sessionAttended', programId: 'welcome-onboarding', stepId: 'meet-the-team' },
  {
    kind: 'guidelineAcknowledged',
    programId: 'welcome-onboarding',
    stepId: 'privacy-rules',
    textVersion: '2026-11-01',
  },
  { kind: 'programCompleted', programId: 'welcome-onboarding' },
  {
    kind: 'certificationEarned',
    certificationId: 'cpr',
    issuedAt: '2026-11-30T09:15:00.000Z',
    expiresAt: '2028-11-30T00:00:00.000Z',
  },
]);

describe('xAPI statements', () => {
  const statements = statementsOf(everyKind, pseudonym, settings, names);

  it('are valid xAPI (Learning Locker validation), every kind', () => {
    expect(statements.map((s) => s.verb.id)).toEqual([
      xapiVerbs.experienced,
      xapiVerbs.answered,
      xapiVerbs.answered,
      xapiVerbs.passed,
      xapiVerbs.attended,
      'https://drypp.app/xapi/verbs/acknowledged',
      xapiVerbs.completed,
      xapiVerbs.earned,
    ]);
    for (const s of statements) expect(xapiProblems(s)).toEqual([]);
  });

  it('name the person only by their pseudonym on the organisation’s home page', () => {
    for (const s of statements) {
      expect(s.actor).toEqual({
        objectType: 'Agent',
        account: { homePage: `https://drypp.app/tenants/${tenantId}`, name: pseudonym },
      });
    }
    expect(JSON.stringify(statements)).not.toContain(personId);
    expect(JSON.stringify(statements)).not.toMatch(/mbox|@/);
  });

  it('have the same ids when built again, and a different id per attempt, verb, person and tenant', () => {
    const again = statementsOf(everyKind, pseudonym, settings, names);
    expect(again.map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    const other = statementsOf(everyKind, 'another-pseudonym', settings, names);
    expect(other.some((s) => statements.some((t) => t.id === s.id))).toBe(false);
    const otherTenant = statementsOf(
      { ...everyKind, tenantId: '22222222-2222-2222-2222-222222222222' },
      pseudonym,
      settings,
      names,
    );
    expect(otherTenant.some((s) => statements.some((t) => t.id === s.id))).toBe(false);
  });

  it('carry the quiz result and the attempt, and fail a quiz finished below the pass mark', () => {
    const [failed] = statementsOf(
      record([
        {
          kind: 'quizAnswered',
          programId: 'p',
          stepId: 'q',
          attempt: 2,
          score: 0.25,
          passed: false,
          finished: true,
        },
      ]),
      pseudonym,
      settings,
      names,
    ).slice(1);
    expect(failed?.verb.id).toBe(xapiVerbs.failed);
    expect(failed?.result).toEqual({ score: { scaled: 0.25 }, success: false, completion: true });
    expect(failed?.context.extensions).toEqual({ 'https://drypp.app/xapi/extensions/attempt': 2 });
  });

  it('names activities in the person’s language, and groups a program’s statements by one registration', () => {
    expect(statements[0]?.object.definition.name).toEqual({ nb: 'Første uke' });
    const registrations = new Set(
      statements.filter((s) => s.context.registration).map((s) => s.context.registration),
    );
    expect(registrations.size).toBe(1);
  });
});
