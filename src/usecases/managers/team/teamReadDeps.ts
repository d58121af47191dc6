import type { Clock } from '../../../domain/platform/clock.ts';
import type { PeopleStore, ReachabilityStore } from '../../directory/ports.ts';
import type { ProgramCatalog } from '../../learning/programCatalog.ts';
import type { ProgressStore } from '../../learning/ports.ts';
import type { HrAdminGroupDeps } from '../../access/hrAdminGroup.ts';
import type { CheckinStore } from '../ports.ts';
import type { LearningTimeRequestReader, ManagerIndex } from '../teamPorts.ts';
import type { TeamSummaryStore } from '../teamSummaryPorts.ts';
import type { RolePath } from '../../../domain/learning/paths/rolePath.ts';
import type { CertificationCatalog, CertificationStore } from '../../certificates/ports.ts';

/** The few stores the tab's read views use. */
export interface TeamReadDeps extends HrAdminGroupDeps {
  clock: Clock;
  catalog: ProgramCatalog;
  managerIndex: ManagerIndex;
  /** My team's read model: the caller's whole team in one partition. */
  teamSummaries: Pick<TeamSummaryStore, 'listTeamView'>;
  people: Pick<PeopleStore, 'get'>;
  progress: Pick<ProgressStore, 'loadPerson'>;
  reachability: Pick<ReachabilityStore, 'get'>;
  learningTime: LearningTimeRequestReader;
  checkins: Pick<CheckinStore, 'listForLearner'>;
  /** The tenant's time zone, for people the directory gives none. */
  defaultTimeZone: string;
  /** My learning's paths by role; absent, My learning shows no path. */
  paths?: readonly RolePath[];
  certifications?: Pick<CertificationStore, 'listForPerson'>;
  certificationCatalog?: Pick<CertificationCatalog, 'find'>;
}
