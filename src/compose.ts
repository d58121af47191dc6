import { TableManagerIndex } from './store/managers/managerIndexStore.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config/config.ts';
import { loadContent } from './content/loadContent.ts';
import type { Program } from './domain/learning/program.ts';
import { systemClock, type Clock } from './domain/platform/clock.ts';
import {
  defaultDeliveryPolicy,
  policyProblem,
  type DeliveryPolicy,
} from './domain/delivery/deliveryPolicy.ts';
import type { Weekday } from './domain/learning/program.ts';
import type { EnrollmentRule } from './domain/learning/enrollmentRules.ts';
import type { RolePath } from './domain/learning/paths/rolePath.ts';
import type { Logger } from './log/logger.ts';
import { AdjustableClock } from './store/platform/adjustableClock.ts';
import { TableConversationStore } from './store/delivery/conversationStore.ts';
import { TableDeliveryStore } from './store/delivery/deliveryStore.ts';
import { TableDueWorkStore } from './store/delivery/dueWorkStore.ts';
import { TableEnrollmentStore } from './store/learning/enrollmentStore.ts';
import { TableLeaseStore } from './store/platform/leaseStore.ts';
import { TablePeopleStore } from './store/directory/peopleStore.ts';
import { TableStepStore } from './store/learning/stepStore.ts';
import { TableProgressStore } from './store/learning/progressStore.ts';
import { TableReachabilityStore } from './store/directory/reachabilityStore.ts';
import { StorageClients } from './store/platform/storageClients.ts';
import { ensureStorage, tableNames, tablesOfAnEarlierLayout } from './store/platform/tables.ts';
import type { LearningDeps } from './usecases/learning/learningDeps.ts';
import { catalogOf } from './usecases/learning/programCatalog.ts';
import type { ManagersDeps } from './usecases/managers/managersDeps.ts';
import { TableCheckinStore } from './store/managers/checkinStore.ts';
import { TableCalendarSyncQueue, TableSessionStore } from './store/sessions/sessionStore.ts';
import type { SessionStores } from './usecases/sessions/sessionsDeps.ts';
import { TableCertificationStore } from './store/certificates/certificationStore.ts';
import {
  certificationCatalogOf,
  type CertificationCatalog,
  type CertificationStore,
  type CertificationUpkeepStore,
} from './usecases/certificates/ports.ts';
import { TableCertificationUpkeep } from './store/certificates/upkeepStore.ts';
import { TableLearningTimeStore } from './store/managers/learningTimeStore.ts';
import { TableTeamDirectory } from './store/managers/teamDirectoryStore.ts';
import { TableTeamSummaryStore } from './store/managers/teamSummaryStore.ts';
import { keepTeamSummaries } from './usecases/managers/team/keepTeamSummaries.ts';
import type { TeamSummaryDeps } from './usecases/managers/team/refreshTeamSummary.ts';
import type { ManagerIndex } from './usecases/managers/teamPorts.ts';
import type { TeamDirectory } from './usecases/managers/teamSummaryPorts.ts';
import { learningRecordQueue } from './composePrivacy.ts';
import { privacyPoliciesOf, type PrivacyPolicies } from './domain/privacy/privacyPolicy.ts';
import { outboundPipelineOn } from './composeOutbound.ts';

/** What the bot, the jobs and the tab API reach: the learning and the managers use cases' ports. */
export type AppDeps = LearningDeps & ManagersDeps;

/**
 * Wires storage adapters and content into the use cases' dependencies. Shared by the server
 * (src/main.ts) and the CLI, so both act on the same stores in the same way.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Composed {
  deps: Omit<AppDeps, 'calendar'>;
  /** Enrollment rules from content/rules. */
  rules: EnrollmentRule[];
  /** Learning paths by role from content/paths. */
  paths: RolePath[];
  /** The programs from content/programs (the catalog in `deps` finds them by id). */
  programs: Program[];
  storage: StorageClients;
  /** Set outside production: time that `drypp sandbox clock --advance` moves for every process. */
  adjustableClock?: AdjustableClock;
  /** My team's read model: what refreshes and rebuilds it (the stores in `deps` keep it current). */
  teamSummaries: TeamSummaryDeps & { teamDirectory: TeamDirectory };
  /** The manager index every directory write goes through (it refreshes the team summaries too). */
  managerIndex: ManagerIndex;
  /** Certifications from content/certifications, and people's records of them. */
  certificates: {
    catalog: CertificationCatalog;
    store: CertificationStore;
    upkeep: CertificationUpkeepStore;
  };
  /** Live sessions' seats and bookings, and the calendar job's list of bookings behind. */
  sessions: SessionStores;
  /** Legal holds and retention per tenant, from content/privacy.yaml. */
  privacy: PrivacyPolicies;
}

export async function compose(config: Config, log: Logger): Promise<Composed> {
  // Programs are validated at start: a deployment with a broken content file does not start.
  const content = await loadContent(path.resolve(repoRoot, config.contentDir));
  if (!content.ok) {
    const problems = content.problems.map((p) => `${p.file}:${p.location} ${p.reason}`).join('\n  ');
    throw new Error(`content in ${config.contentDir} is not valid:\n  ${problems}`);
  }
  log.debug({ programs: content.programs.map((p) => p.id) }, 'content loaded');

  const storage = new StorageClients(config.storage);
  const earlier = await tablesOfAnEarlierLayout(storage);
  if (earlier.length > 0) {
    throw new Error(
      `the storage holds data in an earlier layout of Drypp (tables ${earlier.join(', ')}), which this ` +
        'version does not read. In the sandbox, stop it and run `npm run sandbox:reset`.',
    );
  }
  await ensureStorage(storage);
  const adjustableClock =
    config.mode === 'production' ? undefined : new AdjustableClock(storage.table(tableNames.sandboxClock));
  await adjustableClock?.refresh();
  const clock: Clock = adjustableClock ?? systemClock;

  // Every write of what My team shows goes through these wrappers, which keep the summaries current.
  const progress = new TableProgressStore(storage.table(tableNames.learnerProgress));
  const reachability = new TableReachabilityStore(storage.table(tableNames.reachability));
  const teamSummaries = {
    teamSummaries: new TableTeamSummaryStore(storage.table(tableNames.teamSummaries)),
    teamDirectory: new TableTeamDirectory(storage.table(tableNames.people)),
    progress,
    reachability,
  };
  const keep = keepTeamSummaries({ ...teamSummaries, clock }, (error, where) =>
    log.error({ err: error, ...where }, 'team summary not refreshed (the repair job rebuilds it)'),
  );
  const managerIndex = keep.managerIndex(new TableManagerIndex(storage.table(tableNames.managerIndex)));

  return {
    storage,
    adjustableClock,
    rules: content.rules,
    paths: content.paths,
    privacy: privacyPoliciesOf(content.privacy),
    programs: content.programs,
    teamSummaries,
    managerIndex,
    sessions: {
      bookings: new TableSessionStore(storage.table(tableNames.sessionBookings)),
      calendarSync: new TableCalendarSyncQueue(storage.table(tableNames.sessionCalendarSync)),
    },
    certificates: {
      catalog: certificationCatalogOf(content.certifications),
      store: new TableCertificationStore(
        storage.table(tableNames.certifications),
        storage.table(tableNames.certificationSchedule),
        storage.table(tableNames.certificateCodes),
      ),
      upkeep: new TableCertificationUpkeep(storage.table(tableNames.certificationUpkeep)),
    },
    deps: {
      clock,
      catalog: catalogOf(content.programs),
      enrollments: keep.enrollments(new TableEnrollmentStore(storage.table(tableNames.learnerProgress))),
      steps: keep.steps(new TableStepStore(storage.table(tableNames.learnerProgress))),
      progress: keep.progress(progress),
      dueWork: new TableDueWorkStore(storage.table(tableNames.dueWork)),
      deliveries: new TableDeliveryStore(
        storage.table(tableNames.deliveries),
        storage.table(tableNames.dailySends),
      ),
      leases: new TableLeaseStore(storage.table(tableNames.leases)),
      people: new TablePeopleStore(
        storage.table(tableNames.people),
        storage.table(tableNames.tenants),
        managerIndex,
      ),
      conversations: new TableConversationStore(
        storage.table(tableNames.conversations),
        storage.table(tableNames.welcomes),
      ),
      reachability: keep.reachability(reachability),
      policy: deliveryPolicyFrom(config),
      learningTime: new TableLearningTimeStore(storage.table(tableNames.learningTime)),
      checkins: new TableCheckinStore(storage.table(tableNames.checkins)),
      learningRecords: config.xapi ? learningRecordQueue(storage, log) : undefined,
      // Every role enqueues; the worker role's consumer (src/composeOutbound.ts) sends.
      outbound: outboundPipelineOn(storage, clock, log).pipeline,
    },
  };
}

/** The app's deps with the calendar (Graph, where configured). Cards go through `deps.outbound`. */
export function withCalendar(deps: Composed['deps'], calendar?: ManagersDeps['calendar']): AppDeps {
  return { ...deps, calendar };
}

function deliveryPolicyFrom(config: Config): DeliveryPolicy {
  const policy: DeliveryPolicy = {
    ...defaultDeliveryPolicy(config.defaultTimeZone),
    workingHours: { ...config.delivery.workingHours, days: config.delivery.workingDays as Weekday[] },
    quietHours: config.delivery.quietHours,
    maxCardsPerDay: config.delivery.maxCardsPerDay,
  };
  const problem = policyProblem(policy);
  if (problem) throw new Error(`the delivery settings can never deliver a card: ${problem}`);
  return policy;
}
