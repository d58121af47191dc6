import { describe, expect, it } from 'vitest';
import { allowedActions, can, type StepResource } from '../index.ts';
import {
  colleague,
  hr,
  hrElsewhere,
  learner,
  learnerElsewhere,
  manager,
  managerElsewhere,
  otherManager,
  tenant,
} from '../testActors.ts';

const step = (over: Partial<StepResource> = {}): StepResource => ({
  type: 'step',
  tenantId: tenant,
  learnerId: 'learner',
  kind: 'lesson',
  status: 'sent',
  enrollmentStatus: 'active',
  ...over,
});

describe('step policy', () => {
  it('gives nothing across tenants, whatever the roles', () => {
    for (const actor of [learnerElsewhere, hrElsewhere, managerElsewhere]) {
      expect(allowedActions(actor, step())).toEqual([]);
      expect(allowedActions(actor, step({ kind: 'event', confirmedBy: 'facilitator' }))).toEqual([]);
    }
  });

  it('lets the learner answer a sent step only with the verb of its kind', () => {
    const answers = (over: Partial<StepResource>) =>
      allowedActions(learner, step(over)).filter((a) => a !== 'view' && a !== 'viewAnswer');
    expect(answers({ kind: 'lesson' })).toEqual(['completeLesson']);
    expect(answers({ kind: 'quiz' })).toEqual(['answerQuiz', 'retryQuiz']);
    expect(answers({ kind: 'reflection' })).toEqual(['submitReflection']);
    expect(answers({ kind: 'acknowledge' })).toEqual(['acknowledge']);
    expect(answers({ kind: 'event', confirmedBy: 'self' })).toEqual(['confirmAttendance']);
    expect(answers({ kind: 'event', confirmedBy: 'facilitator' })).toEqual([]);
    expect(answers({ kind: 'checkin' })).toEqual([]);
    expect(can(learner, 'completeLesson', step({ kind: 'quiz' }))).toBe(false);
    expect(can(learner, 'acknowledge', step({ kind: 'reflection' }))).toBe(false);
  });

  it('lets nobody answer a step that was not sent, is done, or whose enrollment is not active', () => {
    expect(can(learner, 'completeLesson', step({ status: 'scheduled' }))).toBe(false);
    expect(can(learner, 'completeLesson', step({ status: 'done' }))).toBe(false);
    for (const enrollmentStatus of ['completed', 'withdrawn', 'expired'] as const) {
      expect(can(learner, 'completeLesson', step({ enrollmentStatus }))).toBe(false);
    }
    expect(can(learner, 'view', step({ status: 'scheduled' }))).toBe(true);
  });

  it('brings wrong answers back on a done quiz, also after the program is completed', () => {
    expect(can(learner, 'answerReview', step({ kind: 'quiz', status: 'done' }))).toBe(true);
    const completed = step({ kind: 'quiz', status: 'done', enrollmentStatus: 'completed' });
    expect(can(learner, 'answerReview', completed)).toBe(true);
    expect(can(learner, 'answerReview', step({ kind: 'quiz', status: 'sent' }))).toBe(false);
    expect(can(learner, 'answerReview', step({ kind: 'lesson', status: 'done' }))).toBe(false);
    const withdrawn = step({ kind: 'quiz', status: 'done', enrollmentStatus: 'withdrawn' });
    expect(can(learner, 'answerReview', withdrawn)).toBe(false);
  });

  it("never lets anyone answer another person's step in their name", () => {
    for (const actor of [colleague, manager, hr]) {
      for (const kind of ['lesson', 'quiz', 'reflection', 'acknowledge'] as const) {
        const actions = allowedActions(actor, step({ kind }));
        expect(actions).not.toContain('completeLesson');
        expect(actions).not.toContain('answerQuiz');
        expect(actions).not.toContain('submitReflection');
        expect(actions).not.toContain('acknowledge');
      }
    }
    expect(allowedActions(colleague, step())).toEqual([]);
  });

  it('lets the manager see progress, the answer only when shared, and answer a check-in', () => {
    expect(allowedActions(manager, step())).toEqual(['view']);
    expect(allowedActions(manager, step({ kind: 'reflection', sharedWithManager: true }))).toEqual([
      'view',
      'viewAnswer',
    ]);
    expect(can(manager, 'answerCheckin', step({ kind: 'checkin' }))).toBe(true);
    expect(can(manager, 'answerCheckin', step({ kind: 'checkin', status: 'done' }))).toBe(false);
    expect(allowedActions(otherManager, step({ kind: 'checkin', sharedWithManager: true }))).toEqual([]);
  });

  it('lets only HR confirm attendance that a facilitator must confirm, never the learner', () => {
    const facilitated = step({ kind: 'event', confirmedBy: 'facilitator' });
    expect(can(learner, 'confirmAttendance', facilitated)).toBe(false);
    expect(can(learner, 'confirmAttendanceFor', facilitated)).toBe(false);
    expect(can(hr, 'confirmAttendanceFor', facilitated)).toBe(true);
    expect(can(hr, 'confirmAttendanceFor', step({ kind: 'event', confirmedBy: 'self' }))).toBe(false);
    expect(allowedActions(hr, step())).toEqual(['view', 'viewAnswer']);
  });
});
