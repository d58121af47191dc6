import type { Clock } from '../../domain/platform/clock.ts';
import type { DeliveryPolicy } from '../../domain/delivery/deliveryPolicy.ts';
import type { ConversationStore } from '../delivery/ports.ts';
import type { EnrollmentStore, ProgramCompletionListener, ProgressStore } from './ports.ts';
import type { DeliveryStore, DueWorkStore } from '../delivery/ports.ts';
import type { LeaseStore } from '../platform/ports.ts';
import type { PeopleStore } from '../directory/ports.ts';
import type { StepStore } from './ports.ts';
import type { ProgramCatalog } from './programCatalog.ts';
import type { ReachabilityStore } from '../directory/ports.ts';
import type { LearningRecordQueue } from '../privacy/ports.ts';
import type { OutboundPipeline } from '../delivery/outboundPorts.ts';

/** What the learning use cases talk to. Each use case picks the few it needs from this. */
export interface LearningDeps {
  clock: Clock;
  catalog: ProgramCatalog;
  enrollments: EnrollmentStore;
  steps: StepStore;
  /** An enrollment with its steps, read and written together (answers to cards). */
  progress: ProgressStore;
  dueWork: DueWorkStore;
  deliveries: DeliveryStore;
  leases: LeaseStore;
  people: PeopleStore;
  conversations: ConversationStore;
  /** The one outbound pipeline (README "Outbound pipeline"): every proactive card is enqueued on it. */
  outbound: OutboundPipeline;
  /** Where new hires are on the way to their first card (directory sync fills it). */
  reachability: ReachabilityStore;
  /** The tenant's delivery policy; the person's time zone is applied on top. */
  policy: DeliveryPolicy;
  /** Where answers go on their way to the learning record store (xAPI); absent when none is configured. */
  learningRecords?: LearningRecordQueue;
  /** Who hears of a completed program (certifications); none in tests that do not need it. */
  completions?: ProgramCompletionListener;
}
