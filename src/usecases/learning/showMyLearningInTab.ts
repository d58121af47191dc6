import { localDay } from '../../domain/delivery/deliveryPolicy.ts';
import { callerActions, type CallerAction } from '../../domain/access/tabAccess.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import { openItems, type OpenItems } from '../../domain/learning/learningProgress.ts';
import type { LearningTimeRequestSummary } from '../managers/teamPorts.ts';
import type { TeamReadDeps } from '../managers/team/teamReadDeps.ts';
import { whoIsCalling, type SignedIn } from '../managers/whoIsCalling.ts';

const statusOrder = { active: 0, completed: 1, expired: 2, withdrawn: 3 } as const;
const MAX_REQUESTS = 50;

export interface MyLearningInTab {
  programs: Array<{ enrollment: Enrollment; mandatory: boolean } & OpenItems>;
  requests: LearningTimeRequestSummary[];
  /** Today in the caller's own time zone: the earliest day they may ask learning time for. */
  today: string;
  actions: CallerAction[];
}

/** The caller's own learning (and only theirs): four queries, whatever their role. */
export async function showMyLearningInTab(deps: TeamReadDeps, caller: SignedIn): Promise<MyLearningInTab> {
  const now = deps.clock.now();
  const [viewer, person, { enrollments, steps }, requests] = await Promise.all([
    whoIsCalling(deps, caller),
    deps.people.get(caller.tenantId, caller.userId),
    deps.progress.loadPerson(caller.tenantId, caller.userId),
    deps.learningTime.listForLearner(caller.tenantId, caller.userId),
  ]);
  const programs = enrollments.map((enrollment) => {
    const program = deps.catalog.find(enrollment.programId);
    return {
      enrollment,
      mandatory: program?.mandatory ?? false,
      ...openItems(enrollment, program, steps, now),
    };
  });
  programs.sort(
    (a, b) =>
      statusOrder[a.enrollment.status] - statusOrder[b.enrollment.status] ||
      Number(b.mandatory) - Number(a.mandatory) ||
      a.enrollment.enrolledAt.localeCompare(b.enrollment.enrolledAt),
  );
  return {
    programs,
    requests: requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_REQUESTS),
    // The same day the server checks a request against (requestLearningTime), not the browser's.
    today: localDay(now, person?.timeZone ?? deps.defaultTimeZone),
    actions: callerActions(viewer),
  };
}
