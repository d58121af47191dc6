import { allowedActions, type Actor } from '../../domain/access/index.ts';
import { checkinQuestion } from '../../domain/managers/checkin.ts';
import type { OpenItem } from '../../domain/learning/learningProgress.ts';
import { textFor } from '../../domain/learning/program.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import { INACTIVE_AFTER_MS, type MemberSummary } from '../../domain/managers/teamInsights.ts';
import type { TeamEnrollmentFacts } from '../../domain/managers/teamViewFacts.ts';
import type { ProgramCatalog } from '../../usecases/learning/programCatalog.ts';
import type { MyLearningInTab } from '../../usecases/learning/showMyLearningInTab.ts';
import type { MyTeam } from '../../usecases/managers/team/showMyTeam.ts';
import type { TeamMemberDetail } from '../../usecases/managers/team/showTeamMember.ts';
import type { LearningTimeRequestSummary } from '../../usecases/managers/teamPorts.ts';
import type {
  LearningTimeRequestView,
  MyLearningResponse,
  MyTeamResponse,
  NeedsYouItem,
  PersonDetailResponse,
  ProgramProgressView,
  StepItemView,
  TeamMemberProgramView,
} from './contract.ts';

/** Turns the read use cases' results into the tab API's answers, with titles in the caller's language. */
export class TabPresenter {
  /** Titles looked up once per answer: a manager's team names the same few programs a thousand times. */
  private readonly titles = new Map<string, string>();

  constructor(
    private readonly catalog: ProgramCatalog,
    private readonly language: string,
  ) {}

  programTitle(programId: string): string {
    return this.titled(programId, () => {
      const program = this.catalog.find(programId);
      return program ? textFor(program.title, this.language) : programId;
    });
  }

  stepTitle(programId: string, stepId: string): string {
    return this.titled(`${programId}\n${stepId}`, () => {
      const step = this.catalog.find(programId)?.steps.find((s) => s.id === stepId);
      return step ? textFor(step.title, this.language) : stepId;
    });
  }

  private titled(key: string, title: () => string): string {
    let known = this.titles.get(key);
    if (known === undefined) this.titles.set(key, (known = title()));
    return known;
  }

  item(i: OpenItem): StepItemView {
    return { ...i, title: this.stepTitle(i.programId, i.stepId) };
  }

  request(
    r: LearningTimeRequestSummary,
    names: (id: string) => string,
    actions: LearningTimeRequestView['actions'],
  ): LearningTimeRequestView {
    return {
      id: r.id,
      requester: { id: r.learnerId, displayName: names(r.learnerId) },
      date: r.date,
      minutes: r.minutes,
      ...(r.purpose.kind === 'program'
        ? { programId: r.purpose.programId, programTitle: this.programTitle(r.purpose.programId) }
        : { purpose: r.purpose.text }),
      status: r.status,
      requestedAt: r.createdAt,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedBy ? { id: r.decidedBy, displayName: names(r.decidedBy) } : undefined,
      comment: r.comment,
      calendar: r.booking === 'waiting' ? 'booking' : r.booking,
      actions,
    };
  }

  myLearning(result: MyLearningInTab, callerName: string): MyLearningResponse {
    return {
      programs: result.programs.map((p): ProgramProgressView => ({
        ...enrollmentFigures(p.enrollment),
        title: this.programTitle(p.enrollment.programId),
        mandatory: p.mandatory,
        enrolledAt: p.enrollment.enrolledAt,
        completedAt: p.enrollment.completedAt,
        lastActiveAt: p.enrollment.lastActiveAt,
        due: p.due.map((i) => this.item(i)),
        overdue: p.overdue.map((i) => this.item(i)),
        recognisedParts: p.recognisedParts.map((part) => ({
          id: part.id,
          title: textFor(part.title, this.language),
          status: 'recognised' as const,
        })),
        stepsRecognised: p.stepsRecognised,
      })),
      paths: result.paths.map((path) => ({
        id: path.id,
        title: textFor(path.title, this.language),
        requirements: path.requirements.map((r) => ({
          kind: r.kind,
          id: r.id,
          title: r.title ? textFor(r.title, this.language) : r.id,
          status: r.status,
          ...(r.dueAt ? { dueAt: r.dueAt } : {}),
          ...(r.validUntil ? { validUntil: r.validUntil } : {}),
        })),
      })),
      learningTimeRequests: result.requests.map((r) => this.request(r, () => callerName, [])),
      today: result.today,
      actions: result.actions,
    };
  }

  memberPrograms(summary: MemberSummary<TeamEnrollmentFacts>): TeamMemberProgramView[] {
    // Built field by field (no spread): this runs for every enrollment of a manager's whole team.
    const views: TeamMemberProgramView[] = [];
    for (const p of summary.programs) {
      const e: TeamEnrollmentFacts = p.enrollment;
      views.push({
        programId: e.programId,
        status: e.status,
        completedSteps: e.completedSteps,
        totalSteps: e.totalSteps,
        nextDueAt: e.nextDueAt,
        title: this.programTitle(e.programId),
        mandatory: p.program?.mandatory ?? false,
        overdueCount: p.overdue.length,
      });
    }
    return views;
  }

  myTeam(team: MyTeam, now: Date): MyTeamResponse {
    const names = new Map(team.members.map((m) => [m.member.id, m.member.displayName]));
    const nameOf = (id: string) => names.get(id) ?? '';
    const needsYou: NeedsYouItem[] = [];
    for (const r of team.pendingRequests) {
      needsYou.push({
        personId: r.learnerId,
        displayName: nameOf(r.learnerId),
        reason: 'pendingRequest',
        since: r.createdAt,
        requestId: r.id,
      });
    }
    for (const { member, summary } of team.members) {
      const who = { personId: member.id, displayName: member.displayName };
      const overdue = summary.overdueMandatory;
      if (overdue.length > 0) {
        const oldest = [...overdue].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0]!;
        needsYou.push({
          ...who,
          reason: 'overdueMandatory',
          count: overdue.length,
          since: oldest.dueAt,
          programId: oldest.programId,
          programTitle: this.programTitle(oldest.programId),
          stepId: oldest.stepId,
          stepTitle: this.stepTitle(oldest.programId, oldest.stepId),
        });
      }
      for (const p of summary.programs) {
        for (const stepId of p.quizzesFailedTwice) {
          const programId = p.enrollment.programId;
          needsYou.push({
            ...who,
            reason: 'quizFailedTwice',
            programId,
            programTitle: this.programTitle(programId),
            stepId,
            stepTitle: this.stepTitle(programId, stepId),
          });
        }
      }
    }
    for (const { member, summary } of team.members) {
      if (!summary.inactive) continue;
      needsYou.push({
        personId: member.id,
        displayName: member.displayName,
        reason: 'inactive14d',
        since: summary.lastActivityAt ?? new Date(now.getTime() - INACTIVE_AFTER_MS).toISOString(),
      });
    }
    return {
      needsYou,
      people: team.members.map(({ member, summary, reachability, actions }) => ({
        id: member.id,
        displayName: member.displayName,
        jobTitle: member.jobTitle,
        department: member.department,
        depth: member.depth,
        managerId: member.managerId,
        programs: this.memberPrograms(summary),
        overdueMandatoryCount: summary.overdueMandatory.length,
        lastActivityAt: summary.lastActivityAt,
        reachability: reachability?.stage,
        actions,
      })),
      weeklyActivity: team.weeklyActivity,
      pendingRequests: team.pendingRequests.map((r) =>
        this.request(r, nameOf, requestActions(team.viewer, r)),
      ),
      actions: ['viewMyTeam'],
    };
  }

  personDetail(d: TeamMemberDetail): PersonDetailResponse {
    const stepsOf = (programId: string) => d.steps.filter((s) => s.programId === programId);
    const personName = (id: string) => (id === d.person.id ? d.person.displayName : '');
    return {
      person: {
        id: d.person.id,
        displayName: d.person.displayName,
        jobTitle: d.person.jobTitle,
        department: d.person.department,
        depth: d.depth,
        lastActivityAt: d.summary.lastActivityAt,
        reachability: d.reachability?.stage,
      },
      programs: this.memberPrograms(d.summary).map((p) => ({
        ...p,
        steps: this.personSteps(p.programId, stepsOf(p.programId)),
      })),
      checkIns: d.checkins.flatMap((c) => {
        const step = this.catalog.find(c.programId)?.steps.find((s) => s.id === c.stepId);
        const option = step?.kind === 'checkin' ? step.options[c.option] : undefined;
        if (step?.kind !== 'checkin' || !option) return []; // content changed since: nothing to show
        return [
          {
            programId: c.programId,
            stepId: c.stepId,
            question: checkinQuestion(textFor(step.question, this.language), d.person.displayName),
            answer: textFor(option, this.language),
            comment: c.comment,
            answeredAt: c.answeredAt,
          },
        ];
      }),
      reflections: d.reflections.map((r) => ({ ...r, prompt: this.reflectionPrompt(r.programId, r.stepId) })),
      learningMinutes: d.learningMinutes,
      learningTimeRequests: d.requests.map((r) => this.request(r, personName, requestActions(d.viewer, r))),
      actions: d.actions,
    };
  }

  private personSteps(programId: string, states: StepState[]) {
    const program = this.catalog.find(programId);
    if (!program) return [];
    return program.steps.flatMap((step) => {
      const s = states.find((x) => x.stepId === step.id);
      if (!s) return [];
      return [
        {
          programId,
          stepId: step.id,
          title: textFor(step.title, this.language),
          kind: step.kind,
          minutes: step.minutes,
          dueAt: s.dueAt,
          optional: step.optional,
          status: s.status,
          doneAt: s.doneAt,
          ...(step.kind === 'quiz' ? { attempts: s.attempts, lastScore: s.lastScore } : {}),
        },
      ];
    });
  }

  private reflectionPrompt(programId: string, stepId: string): string {
    const step = this.catalog.find(programId)?.steps.find((s) => s.id === stepId);
    return step?.kind === 'reflection' ? textFor(step.prompt, this.language) : '';
  }
}

/** Deciding is the only request action the tab offers a manager (the policy says when). */
function requestActions(actor: Actor, r: LearningTimeRequestSummary): LearningTimeRequestView['actions'] {
  const status = r.status === 'cancelled' ? 'denied' : r.status;
  const allowed = allowedActions(actor, {
    type: 'learningTimeRequest',
    tenantId: r.tenantId,
    requesterId: r.learnerId,
    status,
  });
  return allowed.includes('decideRequest') ? ['decideRequest'] : [];
}

function enrollmentFigures(e: TeamEnrollmentFacts) {
  return {
    programId: e.programId,
    status: e.status,
    completedSteps: e.completedSteps,
    totalSteps: e.totalSteps,
    nextDueAt: e.nextDueAt,
  };
}
