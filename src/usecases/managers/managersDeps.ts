import type { Clock } from '../../domain/platform/clock.ts';
import type { ConversationStore, DeliveryStore } from '../delivery/ports.ts';
import type { PeopleStore } from '../directory/ports.ts';
import type { OutboundPipeline } from '../delivery/outboundPorts.ts';
import type { EnrollmentStore, ProgressStore, StepStore } from '../learning/ports.ts';
import type { ProgramCatalog } from '../learning/programCatalog.ts';
import type { CalendarBooker, CheckinStore, LearningTimeStore } from './ports.ts';

/** What the managers use cases talk to. Each use case picks the few it needs. */
export interface ManagersDeps {
  clock: Clock;
  catalog: ProgramCatalog;
  people: PeopleStore;
  enrollments: EnrollmentStore;
  steps: StepStore;
  /** A step and its enrollment written together (a check-in answered completes the learner's step). */
  progress: ProgressStore;
  conversations: ConversationStore;
  deliveries: DeliveryStore;
  /** The one outbound pipeline: nudges, thanks and learning-time cards are enqueued on it. */
  outbound: OutboundPipeline;
  learningTime: LearningTimeStore;
  checkins: CheckinStore;
  /** Absent where Graph is not configured: approved time is then not booked (and says so). */
  calendar?: CalendarBooker;
}
