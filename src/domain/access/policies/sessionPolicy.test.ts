import { describe, expect, it } from 'vitest';
import { can, type ExerciseResource, type SessionBookingResource } from '../index.ts';
import { colleague, hr, learner, learnerElsewhere, manager, otherManager, tenant } from '../testActors.ts';

const instructor = { tenantId: tenant, userId: 'instructor', roles: ['learner'] as const };
const booking = (over: Partial<SessionBookingResource> = {}): SessionBookingResource => ({
  type: 'sessionBooking',
  tenantId: tenant,
  learnerId: 'learner',
  managerId: 'manager',
  instructorId: 'instructor',
  status: 'booked',
  started: true,
  ...over,
});

describe('who may mark attendance at a session', () => {
  it('the instructor named in content and the learner’s manager, once the session has begun', () => {
    expect(can(instructor, 'markAttendance', booking())).toBe(true);
    expect(can(manager, 'markAttendance', booking())).toBe(true);
    // A manager above, through the reporting line, though not the direct manager.
    expect(can(manager, 'markAttendance', booking({ managerId: 'someone' }))).toBe(true);
    expect(can(instructor, 'markAttendance', booking({ started: false }))).toBe(false);
    expect(can(instructor, 'markAttendance', booking({ status: 'cancelled' }))).toBe(false);
  });

  it('never the learner, a colleague, another manager, HR, or anyone of another tenant', () => {
    expect(can(learner, 'markAttendance', booking())).toBe(false);
    expect(can(learner, 'markAttendance', booking({ instructorId: 'learner' }))).toBe(false);
    expect(can(colleague, 'markAttendance', booking())).toBe(false);
    expect(can(otherManager, 'markAttendance', booking())).toBe(false);
    expect(can(hr, 'markAttendance', booking())).toBe(false);
    expect(can({ ...instructor, tenantId: learnerElsewhere.tenantId }, 'markAttendance', booking())).toBe(
      false,
    );
  });
});

describe('who may sign off a practical exercise', () => {
  const exercise = (over: Partial<ExerciseResource> = {}): ExerciseResource => ({
    type: 'exercise',
    tenantId: tenant,
    learnerId: 'learner',
    assessorId: 'assessor',
    status: 'sent',
    enrollmentActive: true,
    ...over,
  });
  const assessor = { tenantId: tenant, userId: 'assessor', roles: ['learner'] as const };

  it('only the named assessor, on an exercise that is waiting', () => {
    expect(can(assessor, 'signOffExercise', exercise())).toBe(true);
    expect(can(assessor, 'signOffExercise', exercise({ status: 'done' }))).toBe(false);
    expect(can(assessor, 'signOffExercise', exercise({ enrollmentActive: false }))).toBe(false);
    expect(can(manager, 'signOffExercise', exercise())).toBe(false);
    expect(can(hr, 'signOffExercise', exercise())).toBe(false);
  });

  it('the learner cannot sign off their own, even when named as the assessor', () => {
    expect(can(learner, 'signOffExercise', exercise())).toBe(false);
    expect(can(learner, 'signOffExercise', exercise({ assessorId: 'learner' }))).toBe(false);
  });
});
