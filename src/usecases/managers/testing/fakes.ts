// In-memory fakes of the managers ports, and ManagersDeps on top of the learning fakes, for the
// use-case tests beside the use cases. Failures and races are planned through the shared `faults`.
import type { Program } from '../../../domain/learning/program.ts';
import type { CheckinAnswer } from '../../../domain/managers/checkin.ts';
import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';
import { fakeLearningDeps, type FakeLearningDeps } from '../../learning/testing/fakes.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, Faults } from '../../platform/testing/fakes.ts';
import type {
  BookingResult,
  CalendarBooker,
  CalendarEvent,
  CheckinStore,
  LearningTimeStore,
} from '../ports.ts';

export class FakeLearningTimeStore implements LearningTimeStore {
  readonly rows = new EtagRows<LearningTimeRequest>((r) => `${r.tenantId}|${r.id}`);
  constructor(readonly faults = new Faults()) {}

  create(request: LearningTimeRequest) {
    return this.faults.run('learningTime.create', [request], () => this.rows.create(request));
  }
  get(tenantId: string, id: string) {
    return this.faults.run('learningTime.get', [tenantId, id], () => this.rows.get(`${tenantId}|${id}`));
  }
  update(request: Stored<LearningTimeRequest>) {
    return this.faults.run('learningTime.update', [request], () => this.rows.update(request));
  }
  private where(tenantId: string, keep: (r: LearningTimeRequest) => boolean) {
    return this.rows.all().filter((r) => r.tenantId === tenantId && keep(r));
  }
  listForLearner(tenantId: string, learnerId: string) {
    return this.faults.run('learningTime.listForLearner', [tenantId, learnerId], () =>
      this.where(tenantId, (r) => r.learnerId === learnerId),
    );
  }
  listPending(tenantId: string) {
    return this.faults.run('learningTime.listPending', [tenantId], () =>
      this.where(tenantId, (r) => r.status === 'pending'),
    );
  }
  listWithFollowUp(tenantId: string, limit: number) {
    return this.faults.run('learningTime.listWithFollowUp', [tenantId, limit], () =>
      this.where(tenantId, (r) => r.followUp).slice(0, limit),
    );
  }
}

export class FakeCheckinStore implements CheckinStore {
  readonly answers = new Map<string, CheckinAnswer>();
  constructor(readonly faults = new Faults()) {}
  private key = (a: Pick<CheckinAnswer, 'tenantId' | 'learnerId' | 'programId' | 'stepId'>) =>
    `${a.tenantId}|${a.learnerId}|${a.programId}|${a.stepId}`;

  save(answer: CheckinAnswer) {
    return this.faults.run('checkins.save', [answer], (): 'saved' | 'exists' => {
      if (this.answers.has(this.key(answer))) return 'exists';
      this.answers.set(this.key(answer), { ...answer });
      return 'saved';
    });
  }
  get(tenantId: string, learnerId: string, programId: string, stepId: string) {
    return this.faults.run('checkins.get', [tenantId, learnerId, programId, stepId], () =>
      this.answers.get(this.key({ tenantId, learnerId, programId, stepId })),
    );
  }
  listForLearner(tenantId: string, learnerId: string) {
    return this.faults.run('checkins.listForLearner', [tenantId, learnerId], () =>
      [...this.answers.values()].filter((a) => a.tenantId === tenantId && a.learnerId === learnerId),
    );
  }
}

/** A calendar that, like Graph, returns the first event again for a repeated transaction id. */
export class FakeCalendar implements CalendarBooker {
  readonly events: Array<CalendarEvent & { tenantId: string; userId: string; id: string }> = [];
  readonly calls: CalendarEvent[] = [];
  private readonly answers: BookingResult[] = [];
  constructor(readonly faults = new Faults()) {}

  /** The next calls answer these instead (e.g. a retry after a 429, or a permanent failure). */
  answerNext(...results: BookingResult[]): void {
    this.answers.push(...results);
  }

  createEvent(tenantId: string, userId: string, event: CalendarEvent) {
    return this.faults.run('calendar.createEvent', [tenantId, userId, event], (): BookingResult => {
      this.calls.push(event);
      const scripted = this.answers.shift();
      if (scripted) return scripted;
      const earlier = this.events.find((e) => e.userId === userId && e.transactionId === event.transactionId);
      if (earlier) return { kind: 'booked', eventId: earlier.id };
      const id = `event-${this.events.length + 1}`;
      this.events.push({ ...event, tenantId, userId, id });
      return { kind: 'booked', eventId: id };
    });
  }
}

export type FakeManagersDeps = FakeLearningDeps & {
  learningTime: FakeLearningTimeStore;
  checkins: FakeCheckinStore;
  calendar: FakeCalendar;
};

export function fakeManagersDeps(programs: Program[]): FakeManagersDeps {
  const learning = fakeLearningDeps(programs);
  return {
    ...learning,
    learningTime: new FakeLearningTimeStore(learning.faults),
    checkins: new FakeCheckinStore(learning.faults),
    calendar: new FakeCalendar(learning.faults),
  };
}

/** A small team in tenant-a: learner → manager → director; a colleague under the same manager. */
export const team = {
  tenantId: 'tenant-a',
  director: '0f0e0d0c-0000-4000-8000-0000000000d1',
  manager: '0f0e0d0c-0000-4000-8000-0000000000a1',
  learner: '0f0e0d0c-0000-4000-8000-000000000001',
  colleague: '0f0e0d0c-0000-4000-8000-000000000002',
};

export async function seedTeam(deps: FakeManagersDeps): Promise<void> {
  const person = (id: string, name: string, managerId?: string) => ({
    tenantId: team.tenantId,
    id,
    userPrincipalName: `${name.toLowerCase()}@example.test`,
    displayName: name,
    managerId,
    timeZone: 'Europe/Oslo',
  });
  await deps.people.upsert(person(team.director, 'Dina Director'));
  await deps.people.upsert(person(team.manager, 'Mona Manager', team.director));
  await deps.people.upsert(person(team.learner, 'Maja Learner', team.manager));
  await deps.people.upsert(person(team.colleague, 'Carl Colleague', team.manager));
}
