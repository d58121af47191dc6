import { localDay } from '../../domain/delivery/deliveryPolicy.ts';
import { callerActions, type CallerAction } from '../../domain/access/tabAccess.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import { openItems, type OpenItems } from '../../domain/learning/learningProgress.ts';
import { doneSteps, partStatus } from '../../domain/learning/placement.ts';
import type { Part } from '../../domain/learning/program.ts';
import type { LearningTimeRequestSummary } from '../managers/teamPorts.ts';
import type { TeamReadDeps } from '../managers/team/teamReadDeps.ts';
import { whoIsCalling, type SignedIn } from '../managers/whoIsCalling.ts';
import { myPaths, type PathInTab } from './paths/myPath.ts';

const statusOrder = { active: 0, completed: 1, expired: 2, withdrawn: 3 } as const;
const MAX_REQUESTS = 50;

export interface MyLearningInTab {
  programs: Array<
    {
      enrollment: Enrollment;
      mandatory: boolean;
      /** Parts the learner tested out of (placement quiz passed), and their steps recognised so. */
      recognisedParts: Part[];
      stepsRecognised: number;
    } & OpenItems
  >;
  /** The learning paths of the caller's role, each requirement with where it stands. */
  paths: PathInTab[];
  requests: LearningTimeRequestSummary[];
  /** Today in the caller's own time zone: the earliest day they may ask learning time for. */
  today: string;
  actions: CallerAction[];
}

/** The caller's own learning (and only theirs): four queries (five with paths), whatever their role. */
export async function showMyLearningInTab(deps: TeamReadDeps, caller: SignedIn): Promise<MyLearningInTab> {
  const now = deps.clock.now();
  const wantsRecords = (deps.paths ?? []).some((p) => p.certifications.length > 0);
  const [viewer, person, { enrollments, steps }, requests, records] = await Promise.all([
    whoIsCalling(deps, caller),
    deps.people.get(caller.tenantId, caller.userId),
    deps.progress.loadPerson(caller.tenantId, caller.userId),
    deps.learningTime.listForLearner(caller.tenantId, caller.userId),
    wantsRecords && deps.certifications
      ? deps.certifications.listForPerson(caller.tenantId, caller.userId)
      : Promise.resolve([]),
  ]);
  const programs = enrollments.map((enrollment) => {
    const program = deps.catalog.find(enrollment.programId);
    const mine = steps.filter((s) => s.programId === enrollment.programId);
    return {
      enrollment,
      mandatory: program?.mandatory ?? false,
      recognisedParts: (program?.parts ?? []).filter((part) => partStatus(part, mine) === 'recognised'),
      stepsRecognised: doneSteps(mine).recognised,
      ...openItems(enrollment, program, steps, now),
    };
  });
  programs.sort(
    (a, b) =>
      statusOrder[a.enrollment.status] - statusOrder[b.enrollment.status] ||
      Number(b.mandatory) - Number(a.mandatory) ||
      a.enrollment.enrolledAt.localeCompare(b.enrollment.enrolledAt),
  );
  const paths = myPaths(deps.paths ?? [], person ?? {}, {
    catalog: deps.catalog,
    certificationCatalog: deps.certificationCatalog,
    enrollments,
    overduePrograms: new Set(programs.filter((p) => p.overdue.length > 0).map((p) => p.enrollment.programId)),
    records,
  });
  return {
    programs,
    paths,
    requests: requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_REQUESTS),
    // The same day the server checks a request against (requestLearningTime), not the browser's.
    today: localDay(now, person?.timeZone ?? deps.defaultTimeZone),
    actions: callerActions(viewer),
  };
}
