import type { Clock } from './domain/platform/clock.ts';
import type { Program } from './domain/learning/program.ts';
import { effectRoutes } from './http/tabs/effect/effectRoutes.ts';
import { refreshEffectFiguresJob } from './jobs/effectJobs.ts';
import type { Logger } from './log/logger.ts';
import { TableEffectFiguresStore } from './store/effect/effectFiguresStore.ts';
import { TableTenantLearningTimeReader } from './store/effect/tenantLearningTimeReader.ts';
import { TableTenantManagerCardsReader } from './store/effect/tenantManagerCardsReader.ts';
import { TableTenantProgressReader } from './store/effect/tenantProgressReader.ts';
import { TableTeamDirectory } from './store/managers/teamDirectoryStore.ts';
import type { StorageClients } from './store/platform/storageClients.ts';
import { tableNames } from './store/platform/tables.ts';
import type { HrAdminGroupDeps } from './usecases/access/hrAdminGroup.ts';
import type { PeopleStore } from './usecases/directory/ports.ts';
import type { EffectDeps } from './usecases/effect/refreshEffectFigures.ts';
import type { ProgramCatalog } from './usecases/learning/programCatalog.ts';
import type { LeaseStore } from './usecases/platform/ports.ts';

/**
 * The effect capability's wiring: the read model's store, the readers of a tenant's learning rows,
 * learning-time requests and managers' nudges and thanks, the
 * worker's aggregation job and the Admin tab's routes. Shared by the server and the tests.
 */
export function composeEffect(options: {
  storage: StorageClients;
  clock: Clock;
  programs: readonly Program[];
  catalog: ProgramCatalog;
  people: Pick<PeopleStore, 'tenants'>;
  leases: LeaseStore;
}) {
  const { storage } = options;
  const deps: EffectDeps = {
    clock: options.clock,
    programs: options.programs,
    tenantProgress: new TableTenantProgressReader(storage.table(tableNames.learnerProgress)),
    tenantLearningTime: new TableTenantLearningTimeReader(storage.table(tableNames.learningTime)),
    tenantManagerCards: new TableTenantManagerCardsReader(storage.table(tableNames.outboundStatus)),
    teamDirectory: new TableTeamDirectory(storage.table(tableNames.people)),
    effectFigures: new TableEffectFiguresStore(storage.table(tableNames.effectFigures)),
  };
  return {
    deps,
    job: (log: Logger) =>
      refreshEffectFiguresJob({ ...deps, people: options.people, leases: options.leases }, log),
    tabMount: (hrAdminGroup: HrAdminGroupDeps = {}) =>
      effectRoutes({ ...deps, catalog: options.catalog }, hrAdminGroup),
  };
}
