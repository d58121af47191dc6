// Manager involvement: learning-time requests decided, check-ins answered, nudges and thanks sent,
// for the whole tenant, per department (of the learners) and per manager. Pure: the aggregation job
// (src/usecases/effect/refreshEffectFigures.ts) reads the rows once per run and hands them in. Every
// figure passes the five-person rule, counted in learners: a manager's nudges to three people are
// figures about those three.
import type { LearningTimeStatus } from '../managers/learningTimeRequest.ts';
import type { Program } from '../learning/program.ts';
import type { StepState } from '../learning/stepState.ts';
import { percent, round1 } from './figures.ts';
import { NO_DEPARTMENT, type EffectPerson } from './effectGroups.ts';
import { figureAbout, type Shown } from './suppression.ts';

/** What the figures need of a learning-time request (src/domain/managers/learningTimeRequest.ts). */
export interface LearningTimeFact {
  learnerId: string;
  /** The manager who got the request. */
  managerId: string;
  /** The program it names; absent for a line of the learner's own. */
  programId?: string;
  status: LearningTimeStatus;
  createdAt: string;
  decidedAt?: string;
}

/** A nudge or thank-you card a manager sent (its outbound status row reached `sent`). */
export interface ManagerCardFact {
  kind: 'nudge' | 'recognition';
  managerId: string;
  /** The person it went to. */
  personId: string;
}

export interface RequestFigures {
  asked: number;
  /** Approved + denied (a request the learner cancelled was never for the manager to decide). */
  decided: number;
  approved: number;
  denied: number;
  /** Median hours from asking to the decision, one decimal; null when none was decided. */
  medianHoursToDecision: number | null;
}

export interface CheckinFigures {
  asked: number;
  answered: number;
  answeredPercent: number | null;
}

export interface InvolvementFigures {
  /** About the learners who asked. */
  requests: Shown<RequestFigures>;
  /** About the people nudged or thanked. */
  cards: Shown<{ nudges: number; recognitions: number }>;
  /** About the learners the managers were asked about. */
  checkins: Shown<CheckinFigures>;
}

export interface ManagerInvolvement {
  overall: Shown<InvolvementFigures>;
  departments: Array<{ department: string; figures: Shown<InvolvementFigures> }>;
  managers: Array<{ managerId: string; figures: Shown<InvolvementFigures> }>;
}

export interface ManagerInvolvementInput {
  requests: readonly LearningTimeFact[];
  cards: readonly ManagerCardFact[];
  /** Check-in steps of every program (others are ignored). */
  programs: readonly Program[];
  steps: readonly StepState[];
  people: ReadonlyMap<string, EffectPerson>;
}

const HOUR_MS = 3_600_000;

/** Requests asked, decided and how fast; shown when five or more learners asked. */
export function requestFigures(requests: readonly LearningTimeFact[]): Shown<RequestFigures> {
  return figureAbout(new Set(requests.map((r) => r.learnerId)).size, () => {
    const decided = requests.filter((r) => r.status === 'approved' || r.status === 'denied');
    const hours = decided.flatMap((r) =>
      r.decidedAt ? [(Date.parse(r.decidedAt) - Date.parse(r.createdAt)) / HOUR_MS] : [],
    );
    return {
      asked: requests.length,
      decided: decided.length,
      approved: decided.filter((r) => r.status === 'approved').length,
      denied: decided.filter((r) => r.status === 'denied').length,
      medianHoursToDecision: median(hours.filter((h) => Number.isFinite(h) && h >= 0)),
    };
  });
}

/** A check-in counts as asked once its card went out (or it was answered); answered when it has an answer. */
export function checkinsAsked(programs: readonly Program[], steps: readonly StepState[]): StepState[] {
  const checkinSteps = new Set(
    programs.flatMap((p) => p.steps.filter((s) => s.kind === 'checkin').map((s) => `${p.id}/${s.id}`)),
  );
  return steps.filter(
    (s) => checkinSteps.has(`${s.programId}/${s.stepId}`) && (s.sentAt !== undefined || s.status === 'done'),
  );
}

export function managerInvolvement(input: ManagerInvolvementInput): ManagerInvolvement {
  const checkins = checkinsAsked(input.programs, input.steps);
  const departmentOf = (personId: string) => input.people.get(personId)?.department ?? NO_DEPARTMENT;
  const byDepartment = new Map<string, Facts>();
  const byManager = new Map<string, Facts>();
  const into = (map: Map<string, Facts>, key: string) => {
    let facts = map.get(key);
    if (!facts) map.set(key, (facts = { requests: [], cards: [], checkins: [] }));
    return facts;
  };
  for (const r of input.requests) {
    into(byDepartment, departmentOf(r.learnerId)).requests.push(r);
    into(byManager, r.managerId).requests.push(r);
  }
  for (const c of input.cards) {
    into(byDepartment, departmentOf(c.personId)).cards.push(c);
    into(byManager, c.managerId).cards.push(c);
  }
  for (const s of checkins) {
    into(byDepartment, departmentOf(s.userId)).checkins.push(s);
    // The learner's manager now: the check-in row does not say who was asked.
    const managerId = input.people.get(s.userId)?.managerId;
    if (managerId) into(byManager, managerId).checkins.push(s);
  }
  return {
    overall: groupFigures({ requests: [...input.requests], cards: [...input.cards], checkins }),
    departments: [...byDepartment]
      .map(([department, facts]) => ({ department, figures: groupFigures(facts) }))
      .sort((a, b) => a.department.localeCompare(b.department)),
    managers: [...byManager]
      .map(([managerId, facts]) => ({ managerId, figures: groupFigures(facts) }))
      .sort((a, b) => a.managerId.localeCompare(b.managerId)),
  };
}

interface Facts {
  requests: LearningTimeFact[];
  cards: ManagerCardFact[];
  checkins: StepState[];
}

/** The group is the learners behind any of its figures; each figure then needs five of its own. */
function groupFigures(facts: Facts): Shown<InvolvementFigures> {
  const learners = new Set([
    ...facts.requests.map((r) => r.learnerId),
    ...facts.cards.map((c) => c.personId),
    ...facts.checkins.map((s) => s.userId),
  ]);
  return figureAbout(learners.size, () => ({
    requests: requestFigures(facts.requests),
    cards: figureAbout(new Set(facts.cards.map((c) => c.personId)).size, () => ({
      nudges: facts.cards.filter((c) => c.kind === 'nudge').length,
      recognitions: facts.cards.filter((c) => c.kind === 'recognition').length,
    })),
    checkins: figureAbout(new Set(facts.checkins.map((s) => s.userId)).size, () => {
      const answered = facts.checkins.filter((s) => s.status === 'done' && s.answer !== undefined).length;
      return {
        asked: facts.checkins.length,
        answered,
        answeredPercent: percent(answered, facts.checkins.length),
      };
    }),
  }));
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round1(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}
