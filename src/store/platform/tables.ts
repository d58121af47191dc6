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
  /** My team's read model: each person's summary in every manager's partition above them (store/managers/teamSummaryStore.ts). */
  teamSummaries: 'TeamSummaries',
  tenants: 'Tenants',
  sandboxClock: 'SandboxClock',
  syncState: 'SyncState',
  reachability: 'Reachability',
  subscriptions: 'Subscriptions',
  learningTime: 'LearningTimeRequests',
  checkins: 'CheckinAnswers',
  timeZoneChecks: 'TimeZoneChecks',
  /** People's certification records, one partition per person (store/certificates/certificationStore.ts). */
  certifications: 'Certifications',
  /** The certification sweep's schedule, keyed by day: what is due by today is one range query. */
  certificationSchedule: 'CertificationSchedule',
  /** Where each certificate's verification code points (keyed by the code: /verify/<code>). */
  certificateCodes: 'CertificateCodes',
  /** Per tenant: the certification rules the schedule follows, and the last day missed completions were looked for. */
  certificationUpkeep: 'CertificationUpkeep',
  /** Live sessions: seat counts and bookings, one partition per event step (store/sessions/sessionStore.ts). */
  sessionBookings: 'SessionBookings',
  /** Bookings whose calendar invitation is behind, for the calendar job. */
  sessionCalendarSync: 'SessionCalendarSync',
  /** The per-tenant send rate all workers share (store/delivery/sendRateStore.ts). */
  sendRate: 'SendRate',
  /** Broadcasts: the head rows, every version, the pasted address lists, the recipients (store/broadcasts). */
  broadcasts: 'Broadcasts',
  broadcastVersions: 'BroadcastVersions',
  broadcastAudiences: 'BroadcastAudiences',
  broadcastRecipients: 'BroadcastRecipients',
  /** One status row per outbound card and person (store/delivery/outboundStatusStore.ts). */
  outboundStatus: 'OutboundStatus',
  /** Each person's xAPI pseudonym (store/privacy/pseudonymStore.ts); erasure forgets it. */
  xapiPseudonyms: 'XapiPseudonyms',
  /** Tombstones of erased people (store/privacy/erasedPeopleStore.ts): sync does not bring them back. */
  erasedPeople: 'ErasedPeople',
  /** One row per export or erasure request, naming nobody (store/privacy/privacyAuditStore.ts). */
  privacyAudit: 'PrivacyAudit',
  /** Leavers whose learning records retention removed while their certificates are kept. */
  retentionDone: 'RetentionDone',
  /** The Effect view's read model: per tenant and program, figures about groups of five or more (store/effect). */
  effectFigures: 'EffectFigures',
} as const;

export const queueNames = {
  deliveries: 'drypp-deliveries',
  directoryHints: 'drypp-directory-hints',
  directoryHintsPoison: 'drypp-directory-hints-poison',
  /** The outbound pipeline: interactive cards, bulk sends (broadcasts), and both lanes' poison. */
  outbound: 'drypp-outbound',
  outboundBulk: 'drypp-outbound-bulk',
  outboundPoison: 'drypp-outbound-poison',
  /** Learning records on their way to the learning record store (xAPI). */
  xapiRecords: 'drypp-xapi-records',
  xapiRecordsPoison: 'drypp-xapi-records-poison',
} as const;

export async function ensureStorage(clients: StorageClients): Promise<void> {
  await Promise.all([
    ...Object.values(tableNames).map((name) => clients.table(name).createTable()),
    ...Object.values(queueNames).map((name) => clients.queue(name).createIfNotExists()),
  ]);
}

/**
 * Tables that only an earlier storage layout had: enrollments and step states in tables of their own
 * (now LearnerProgress, one partition per person), from the same change that spread People over 256
 * partitions instead of 16. Drypp does not read data in that layout, and reading People under the
 * new keys would take known people for new ones, so it refuses to start on such storage.
 */
const earlierLayoutTables = ['Enrollments', 'StepStates'];

export async function tablesOfAnEarlierLayout(clients: StorageClients): Promise<string[]> {
  const found: string[] = [];
  for await (const table of clients.tableService().listTables()) {
    if (table.name && earlierLayoutTables.includes(table.name)) found.push(table.name);
  }
  return found;
}
