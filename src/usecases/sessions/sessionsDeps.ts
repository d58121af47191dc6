import type { LearningDeps } from '../learning/learningDeps.ts';
import type { CalendarSyncQueue, SessionCalendar, SessionStore } from './ports.ts';

/** What the sessions' stores are, as the bot and the tab reach them. */
export interface SessionStores {
  bookings: SessionStore;
  calendarSync: CalendarSyncQueue;
}

/** What the live-session and practical-exercise use cases talk to. */
export type SessionsDeps = Pick<
  LearningDeps,
  'clock' | 'catalog' | 'progress' | 'people' | 'policy' | 'completions' | 'learningRecords' | 'conversations'
> & {
  sessions: SessionStores;
};

/** The calendar job's deps: Graph is absent where it is not configured (bookings then say so). */
export type SessionCalendarDeps = SessionsDeps & { calendar?: SessionCalendar };
