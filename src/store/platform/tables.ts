import type { StorageClients } from './storageClients.ts';

/** Every table Drypp uses; created at start so a fresh storage account works on first run. */
export const tableNames = {
  conversations: 'Conversations',
  welcomes: 'Welcomes',
  /** Enrollments and their step states, one partition per person (store/learning/progressRows.ts). */
  learnerProgress: 'LearnerProgress',
  dueWork: 'DueWork',
  deliveries: 'Deliveries',
  dailySends: 'DailySends',
  leases: 'Leases',
  people: 'People',
  managerIndex: 'ManagerIndex',
  tenants: 'Tenants',
  sandboxClock: 'SandboxClock',
  syncState: 'SyncState',
  reachability: 'Reachability',
  subscriptions: 'Subscriptions',
  learningTime: 'LearningTimeRequests',
  checkins: 'CheckinAnswers',
  timeZoneChecks: 'TimeZoneChecks',
} as const;

export const queueNames = {
  deliveries: 'drypp-deliveries',
  directoryHints: 'drypp-directory-hints',
  directoryHintsPoison: 'drypp-directory-hints-poison',
} as const;

export async function ensureStorage(clients: StorageClients): Promise<void> {
  await Promise.all([
    ...Object.values(tableNames).map((name) => clients.table(name).createTable()),
    ...Object.values(queueNames).map((name) => clients.queue(name).createIfNotExists()),
  ]);
}
