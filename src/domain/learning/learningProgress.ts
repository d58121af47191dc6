// What is due and what is overdue in one enrollment, from the program and the step states. Pure.
import type { Enrollment } from './enrollment.ts';
import type { Program, StepKind } from './program.ts';
import type { StepState } from './stepState.ts';

const DAY_MS = 86_400_000;
/** A step is overdue once it is more than a day past its due time (a reminder goes out first). */
export const OVERDUE_AFTER_MS = DAY_MS;
/** "Due" lists what falls due within the coming week. */
export const DUE_WITHIN_MS = 7 * DAY_MS;

export interface OpenItem {
  programId: string;
  stepId: string;
  kind: StepKind;
  minutes: number;
  dueAt: string;
  optional: boolean;
}

export interface OpenItems {
  due: OpenItem[];
  overdue: OpenItem[];
}

/**
 * The learner's own open steps of an active enrollment, in program order. Check-ins are asked of the
 * manager, so they are never the learner's to do.
 */
export function openItems(
  enrollment: Pick<Enrollment, 'programId' | 'status'>,
  program: Program | undefined,
  // Without a status: a step known not to be done (My team keeps only those).
  steps: ReadonlyArray<
    Pick<StepState, 'programId' | 'stepId' | 'dueAt'> & Partial<Pick<StepState, 'status'>>
  >,
  now: Date,
): OpenItems {
  const result: OpenItems = { due: [], overdue: [] };
  if (!program || enrollment.status !== 'active' || steps.length === 0) return result;
  // Built with a loop: My team runs this for every enrollment of a manager's whole team.
  const byStep = new Map<string, (typeof steps)[number]>();
  for (const s of steps) if (s.programId === enrollment.programId) byStep.set(s.stepId, s);
  const nowMs = now.getTime();
  for (const step of program.steps) {
    const state = byStep.get(step.id);
    if (!state || state.status === 'done' || step.kind === 'checkin') continue;
    const due = Date.parse(state.dueAt);
    const overdue = nowMs - due > OVERDUE_AFTER_MS;
    if (!overdue && !(due - nowMs <= DUE_WITHIN_MS)) continue;
    const item: OpenItem = {
      programId: program.id,
      stepId: step.id,
      kind: step.kind,
      minutes: step.minutes,
      dueAt: state.dueAt,
      optional: step.optional,
    };
    (overdue ? result.overdue : result.due).push(item);
  }
  return result;
}

/** A quiz the person has tried at least twice without reaching the pass mark. */
export function quizzesFailedTwice(
  program: Program | undefined,
  steps: ReadonlyArray<Pick<StepState, 'programId' | 'stepId' | 'attempts' | 'lastScore'>>,
): string[] {
  const failed: string[] = [];
  // Plain loops, and none without a step tried twice: My team asks this of every active enrollment.
  if (!program || steps.length === 0) return failed;
  for (const step of program.steps) {
    if (step.kind !== 'quiz') continue;
    const state = steps.find((s) => s.programId === program.id && s.stepId === step.id);
    if (state && state.attempts >= 2 && (state.lastScore ?? 0) < step.passMark) failed.push(step.id);
  }
  return failed;
}
