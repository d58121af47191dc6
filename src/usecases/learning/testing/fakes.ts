// In-memory fakes of the learning ports and a LearningDeps built from fakes of every port, for
// use-case tests (x.test.ts beside x.ts). Failures are injected through each fake's `faults`.
import { defaultDeliveryPolicy } from '../../../domain/delivery/deliveryPolicy.ts';
import type { Enrollment } from '../../../domain/learning/enrollment.ts';
import type { Program } from '../../../domain/learning/program.ts';
export { testProgram } from '../../../domain/learning/testing/testProgram.ts';
import type { StepState } from '../../../domain/learning/stepState.ts';
import type { Person } from '../../../domain/directory/person.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, FakeClock, Faults, FakeLeaseStore } from '../../platform/testing/fakes.ts';
import {
  FakeChatSender,
  FakeConversationStore,
  FakeDeliveryStore,
  FakeDueWorkStore,
  FakeOutboundPipeline,
} from '../../delivery/testing/fakes.ts';
import { FakePeopleStore, FakeReachabilityStore } from '../../directory/testing/fakes.ts';
import type { LearningDeps } from '../learningDeps.ts';
import { dripCardKind } from '../../delivery/drip/dripCardKind.ts';
import type { RenderDueCard } from '../../delivery/deliverDueCards.ts';
import { deliveryKey } from '../../../domain/delivery/dueWork.ts';
import type { EnrollmentStore, ProgressStore, StepStore } from '../ports.ts';
import { catalogOf } from '../programCatalog.ts';

export class FakeEnrollmentStore implements EnrollmentStore {
  readonly rows = new EtagRows<Enrollment>((e) => `${e.tenantId}|${e.userId}|${e.programId}`);
  constructor(readonly faults = new Faults()) {}

  listForPerson(tenantId: string, userId: string) {
    return this.faults.run('enrollments.listForPerson', [tenantId, userId], () =>
      this.rows.all().filter((e) => e.tenantId === tenantId && e.userId === userId),
    );
  }
  listForProgram(tenantId: string, programId: string) {
    return this.faults.run('enrollments.listForProgram', [tenantId, programId], () =>
      this.rows.all().filter((e) => e.tenantId === tenantId && e.programId === programId),
    );
  }
  get(tenantId: string, userId: string, programId: string) {
    return this.faults.run('enrollments.get', [tenantId, userId, programId], () =>
      this.rows.get(`${tenantId}|${userId}|${programId}`),
    );
  }
  create(enrollment: Enrollment) {
    return this.faults.run('enrollments.create', [enrollment], () => this.rows.create(enrollment));
  }
  update(enrollment: Stored<Enrollment>) {
    return this.faults.run('enrollments.update', [enrollment], () => this.rows.update(enrollment));
  }
}

export const stepKey = (s: Pick<StepState, 'tenantId' | 'userId' | 'programId' | 'stepId'>) =>
  `${s.tenantId}|${s.userId}|${s.programId}|${s.stepId}`;

export class FakeStepStore implements StepStore {
  readonly rows = new EtagRows<StepState>(stepKey);
  constructor(readonly faults = new Faults()) {}

  listForEnrollment(tenantId: string, userId: string, programId: string) {
    return this.faults.run('steps.listForEnrollment', [tenantId, userId, programId], () =>
      this.rows
        .all()
        .filter((s) => s.tenantId === tenantId && s.userId === userId && s.programId === programId),
    );
  }
  get(tenantId: string, userId: string, programId: string, stepId: string) {
    return this.faults.run('steps.get', [tenantId, userId, programId, stepId], () =>
      this.rows.get(stepKey({ tenantId, userId, programId, stepId })),
    );
  }
  create(state: StepState) {
    return this.faults.run('steps.create', [state], () => this.rows.create(state));
  }
  async createAll(states: readonly StepState[]) {
    const results: Array<'created' | 'exists'> = [];
    for (const state of states) results.push(await this.create(state));
    return results;
  }
  update(state: Stored<StepState>) {
    return this.faults.run('steps.update', [state], () => this.rows.update(state));
  }
}

/** The enrollment and its steps read and written together, over the two fakes' rows. */
export class FakeProgressStore implements ProgressStore {
  constructor(
    private readonly enrollments: FakeEnrollmentStore,
    private readonly steps: FakeStepStore,
    readonly faults = new Faults(),
  ) {}

  load(tenantId: string, userId: string, programId: string) {
    return this.faults.run('progress.load', [tenantId, userId, programId], () => ({
      enrollment: this.enrollments.rows.get(`${tenantId}|${userId}|${programId}`),
      steps: this.steps.rows
        .all()
        .filter((s) => s.tenantId === tenantId && s.userId === userId && s.programId === programId),
    }));
  }

  loadPerson(tenantId: string, userId: string) {
    return this.faults.run('progress.loadPerson', [tenantId, userId], () => ({
      enrollments: this.enrollments.rows.all().filter((e) => e.tenantId === tenantId && e.userId === userId),
      steps: this.steps.rows.all().filter((s) => s.tenantId === tenantId && s.userId === userId),
    }));
  }

  /** Both or neither, like the real store's one-partition transaction. */
  saveStepAndEnrollment(step: Stored<StepState>, enrollment: Stored<Enrollment>) {
    return this.faults.run(
      'progress.saveStepAndEnrollment',
      [step, enrollment],
      (): 'updated' | 'conflict' => {
        const currentStep = this.steps.rows.get(stepKey(step));
        const currentEnrollment = this.enrollments.rows.get(
          `${enrollment.tenantId}|${enrollment.userId}|${enrollment.programId}`,
        );
        if (currentStep?.etag !== step.etag || currentEnrollment?.etag !== enrollment.etag) return 'conflict';
        this.steps.rows.update(step);
        this.enrollments.rows.update(enrollment);
        return 'updated';
      },
    );
  }

  markTeamCopies(enrollments: ReadonlyArray<Stored<Enrollment>>) {
    return this.faults.run('progress.markTeamCopies', [enrollments], (): 'updated' | 'conflict' => {
      const key = (e: Enrollment) => `${e.tenantId}|${e.userId}|${e.programId}`;
      if (enrollments.some((e) => this.enrollments.rows.get(key(e))?.etag !== e.etag)) return 'conflict';
      for (const e of enrollments)
        this.enrollments.rows.update({ ...this.enrollments.rows.get(key(e))!, teamCopies: 'some' });
      return 'updated';
    });
  }
}

/** LearningDeps with a fake for every port, sharing one `faults` so a test plans failures in one place. */
export interface FakeLearningDeps extends LearningDeps {
  clock: FakeClock;
  enrollments: FakeEnrollmentStore;
  steps: FakeStepStore;
  progress: FakeProgressStore;
  dueWork: FakeDueWorkStore;
  deliveries: FakeDeliveryStore;
  leases: FakeLeaseStore;
  people: FakePeopleStore;
  conversations: FakeConversationStore;
  sender: FakeChatSender;
  /** Sends through `sender` when drained; the drip kind is registered (`renderDrip` builds its cards). */
  outbound: FakeOutboundPipeline;
  reachability: FakeReachabilityStore;
  /**
   * How the drip kind builds its cards: by default a card that names its work (tests tell cards
   * apart by it). An object, so a copy of the deps (spread) sets the same renderer.
   */
  dripCards: { render: RenderDueCard };
  faults: Faults;
}

/** Monday 1 December 2025, 09:00 in Oslo: inside the default working hours. */
export const MONDAY_MORNING = new Date('2025-12-01T08:00:00Z');

export function fakeLearningDeps(programs: Program[], now = MONDAY_MORNING): FakeLearningDeps {
  const faults = new Faults();
  const enrollments = new FakeEnrollmentStore(faults);
  const steps = new FakeStepStore(faults);
  const clock = new FakeClock(now);
  const sender = new FakeChatSender(faults);
  const deps: FakeLearningDeps = {
    faults,
    clock,
    catalog: catalogOf(programs),
    enrollments,
    steps,
    progress: new FakeProgressStore(enrollments, steps, faults),
    dueWork: new FakeDueWorkStore(faults),
    deliveries: new FakeDeliveryStore(faults),
    leases: new FakeLeaseStore(faults),
    people: new FakePeopleStore(faults),
    conversations: new FakeConversationStore(faults),
    sender,
    outbound: new FakeOutboundPipeline({ sender, now: () => clock.now() }),
    reachability: new FakeReachabilityStore(faults),
    policy: defaultDeliveryPolicy('Europe/Oslo'),
    dripCards: { render: (work) => ({ type: 'AdaptiveCard', work: deliveryKey(work) }) },
  };
  deps.outbound.register(dripCardKind(deps, (work, context) => deps.dripCards.render(work, context)));
  return deps;
}

export function testPerson(n: number, overrides: Partial<Person> = {}): Person {
  const suffix = String(n).padStart(12, '0');
  return {
    tenantId: 'tenant-a',
    id: `0f0e0d0c-0000-4000-8000-${suffix}`,
    userPrincipalName: `learner${n}@example.test`,
    displayName: `Learner ${n}`,
    timeZone: 'Europe/Oslo',
    ...overrides,
  };
}
