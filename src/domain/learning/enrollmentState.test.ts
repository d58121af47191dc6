import { describe, expect, it } from 'vitest';
import {
  ENROLLMENT_STATUSES,
  enrollmentTransition,
  isProgramComplete,
  progressOf,
  type EnrollmentEvent,
} from './enrollmentState.ts';
import { ProgramSchema, type Program } from './program.ts';

function program(mandatory: boolean, steps: Array<{ id: string; optional?: boolean }>): Program {
  return ProgramSchema.parse({
    id: 'state-test',
    version: 1,
    languages: ['en'],
    mandatory,
    title: { en: 'Program' },
    description: { en: 'Program' },
    steps: steps.map((s) => ({
      ...s,
      kind: 'lesson',
      minutes: 2,
      due: { offsetDays: 0 },
      title: { en: s.id },
      body: { en: 'Text' },
    })),
  });
}

const EVENTS: EnrollmentEvent[] = ['allMandatoryDone', 'withdraw', 'expire', 'reenroll'];

describe('enrollmentTransition', () => {
  it('moves an active enrollment to completed, withdrawn or expired', () => {
    expect(enrollmentTransition('active', 'allMandatoryDone')).toEqual({ ok: true, status: 'completed' });
    expect(enrollmentTransition('active', 'withdraw')).toEqual({ ok: true, status: 'withdrawn' });
    expect(enrollmentTransition('active', 'expire')).toEqual({ ok: true, status: 'expired' });
  });

  it('does not re-enroll someone who is still active', () => {
    expect(enrollmentTransition('active', 'reenroll')).toEqual({ ok: false, reason: 'stillActive' });
  });

  it('re-enrolls a withdrawn or expired person, back to active', () => {
    expect(enrollmentTransition('withdrawn', 'reenroll')).toEqual({ ok: true, status: 'active' });
    expect(enrollmentTransition('expired', 'reenroll')).toEqual({ ok: true, status: 'active' });
  });

  it('keeps completed final for every event', () => {
    for (const event of EVENTS) {
      expect(enrollmentTransition('completed', event)).toEqual({ ok: false, reason: 'alreadyCompleted' });
    }
  });

  it('refuses everything but re-enrolling from withdrawn and expired', () => {
    for (const event of EVENTS.filter((e) => e !== 'reenroll')) {
      expect(enrollmentTransition('withdrawn', event)).toEqual({ ok: false, reason: 'alreadyWithdrawn' });
      expect(enrollmentTransition('expired', event)).toEqual({ ok: false, reason: 'alreadyExpired' });
    }
  });

  it('allows exactly these five transitions', () => {
    const allowed = ENROLLMENT_STATUSES.flatMap((s) =>
      EVENTS.filter((e) => enrollmentTransition(s, e).ok).map((e) => `${s}:${e}`),
    );
    expect(allowed).toEqual([
      'active:allMandatoryDone',
      'active:withdraw',
      'active:expire',
      'withdrawn:reenroll',
      'expired:reenroll',
    ]);
  });
});

describe('isProgramComplete', () => {
  const mandatory = program(true, [{ id: 'a' }, { id: 'b', optional: true }, { id: 'c' }]);

  it('is complete when every mandatory step is done, optional ones or not', () => {
    expect(isProgramComplete(mandatory, new Set(['a', 'c']))).toBe(true);
    expect(isProgramComplete(mandatory, new Set(['a', 'b']))).toBe(false);
    expect(isProgramComplete(mandatory, new Set())).toBe(false);
  });

  it('ignores ids that are not steps of the program', () => {
    expect(isProgramComplete(mandatory, new Set(['a', 'old-step']))).toBe(false);
  });

  it('does not count a voluntary program as complete before its steps are done', () => {
    const voluntary = program(false, [{ id: 'a' }, { id: 'b', optional: true }]);
    expect(isProgramComplete(voluntary, new Set())).toBe(false);
    expect(isProgramComplete(voluntary, new Set(['a']))).toBe(true);
  });

  it('needs every step when all of them are optional', () => {
    const allOptional = program(true, [
      { id: 'a', optional: true },
      { id: 'b', optional: true },
    ]);
    expect(isProgramComplete(allOptional, new Set(['a']))).toBe(false);
    expect(isProgramComplete(allOptional, new Set(['a', 'b']))).toBe(true);
  });
});

describe('progressOf', () => {
  it('counts done steps out of all steps, optional included, unknown ids ignored', () => {
    const p = program(true, [{ id: 'a' }, { id: 'b', optional: true }, { id: 'c' }]);
    expect(progressOf(p, new Set())).toEqual({ done: 0, total: 3 });
    expect(progressOf(p, new Set(['b', 'c', 'gone']))).toEqual({ done: 2, total: 3 });
  });
});
