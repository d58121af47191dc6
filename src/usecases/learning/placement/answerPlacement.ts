import { sameTenant, type Actor } from '../../../domain/access/index.ts';
import { recognisePart, scorePlacement } from '../../../domain/learning/placement.ts';
import type { Program } from '../../../domain/learning/program.ts';
import type { PlacementOutcome, StepState } from '../../../domain/learning/stepState.ts';
import type { Stored } from '../../platform/ports.ts';
import { CONFLICT, orConflict, retryOnConflict } from '../../platform/retryOnConflict.ts';
import type { LearningDeps } from '../learningDeps.ts';
import { saveStepWithProgress, type Refusal } from '../stepAction.ts';
import type { PlacementPart } from './placementCardKind.ts';

export interface PlacementRequest {
  /** Who clicked, from the activity; only the learner the card was sent to may answer it. */
  actor: Actor;
  tenantId: string;
  learnerId: string; // whose card it is, from the card's data
  programId: string;
  programVersion: number;
  partId: string;
  /** Option indexes per question id (only the quiz's questions and options), or the learner said no thanks. */
  answer: { answers: Record<string, number[]> } | 'decline';
}

export interface PlacementView {
  program: Program;
  part: PlacementPart;
  learnerId: string;
}

/** What became of a placement answer: a result (also for a second click: the first one's), or nothing changed. */
export type PlacementAnswer =
  | {
      kind: 'answered';
      view: PlacementView;
      outcome: PlacementOutcome;
      right: number;
      total: number;
      again: boolean;
    }
  /** A question left unanswered: the card comes back with what was chosen, nothing saved. */
  | { kind: 'incomplete'; view: PlacementView; selected: Record<string, number[]> }
  | { kind: 'refused'; refusal: Refusal };

export type PlacementDeps = Pick<
  LearningDeps,
  'clock' | 'catalog' | 'progress' | 'steps' | 'dueWork' | 'completions' | 'learningRecords'
>;

/**
 * Answers a part's placement quiz, scored here from the options chosen (never from the card). Passing
 * has the part's open steps recognised by test (done, so their cards are never sent, and counted
 * apart from completed); failing or declining lets its cards come as usual, the first one at once if
 * it was waiting for the quiz. The result is kept on the part's first step: a second answer gets
 * the first one's result and changes nothing.
 */
export async function answerPlacement(deps: PlacementDeps, r: PlacementRequest): Promise<PlacementAnswer> {
  // Someone else's card: refused before anything of theirs is read.
  if (r.actor.userId !== r.learnerId || !sameTenant(r.actor, r.tenantId)) {
    return { kind: 'refused', refusal: 'notYours' };
  }
  const program = deps.catalog.find(r.programId);
  const part = program?.parts.find((p): p is PlacementPart => p.id === r.partId && !!p.placement);
  if (!program || !part) return { kind: 'refused', refusal: 'unknown' };
  const view: PlacementView = { program, part, learnerId: r.learnerId };
  const total = part.placement.questions.length;

  const answer = await retryOnConflict('answer a placement quiz', async () => {
    const { enrollment, steps: states } = await deps.progress.load(r.tenantId, r.learnerId, r.programId);
    const first = states.find((s) => s.stepId === part.steps[0]);
    // Never sent to this person (in this round): there is no quiz of theirs to answer.
    if (!enrollment || !first || first.placementSentAt === undefined) {
      return { kind: 'refused', refusal: 'unknown' } as const;
    }
    if (enrollment.programVersion !== r.programVersion || program.version !== r.programVersion) {
      return { kind: 'refused', refusal: 'oldVersion' } as const;
    }
    if (first.placementResult !== undefined) {
      const right = Math.round((first.placementScore ?? 0) * total);
      return { kind: 'answered', view, outcome: first.placementResult, right, total, again: true } as const;
    }
    if (enrollment.status !== 'active') return { kind: 'refused', refusal: 'notActive' } as const;

    const now = deps.clock.now();
    const at = now.toISOString();
    if (r.answer === 'decline') {
      const next = { ...first, placementResult: 'declined' as const, placementAt: at };
      return orConflict(await deps.steps.update(next), {
        kind: 'answered',
        view,
        outcome: 'declined',
        right: 0,
        total,
        again: false,
      } as const);
    }
    const { answers } = r.answer;
    if (part.placement.questions.some((q) => (answers[q.id] ?? []).length === 0)) {
      return { kind: 'incomplete', view, selected: answers } as const;
    }
    const { score, passed } = scorePlacement(part, answers);
    const right = Math.round(score * total);
    const result = { placementScore: score, placementAt: at };
    if (!passed) {
      const next = { ...first, ...result, placementResult: 'failed' as const };
      return orConflict(await deps.steps.update(next), {
        kind: 'answered',
        view,
        outcome: 'failed',
        right,
        total,
        again: false,
      } as const);
    }
    const saved = await recognise(deps, { program, part, enrollment, states, first, now, result });
    return saved
      ? ({ kind: 'answered', view, outcome: 'passed', right, total, again: false } as const)
      : CONFLICT;
  });

  if (answer.kind === 'answered' && !answer.again && answer.outcome !== 'passed') {
    await releasePart(deps, r, part);
  }
  return answer;
}

/**
 * The part's open steps become done and recognised; the first step, which holds the result, is
 * written last together with the enrollment's progress (and completion, when this was all that was
 * left). A crash in between leaves no result: the learner's next click recognises what is left.
 */
async function recognise(
  deps: PlacementDeps,
  input: {
    program: Program;
    part: PlacementPart;
    enrollment: Awaited<ReturnType<PlacementDeps['progress']['load']>>['enrollment'] & object;
    states: Array<Stored<StepState>>;
    first: Stored<StepState>;
    now: Date;
    result: Pick<StepState, 'placementScore' | 'placementAt'>;
  },
): Promise<boolean> {
  const { program, part, enrollment, first, now } = input;
  const changed = recognisePart(part, input.states, now);
  for (const step of changed) {
    if (step.stepId === first.stepId) continue;
    if ((await deps.steps.update(step)) === 'conflict') return false;
  }
  const states = input.states.map((s) => changed.find((c) => c.stepId === s.stepId) ?? s);
  const next: Stored<StepState> = {
    ...(changed.find((c) => c.stepId === first.stepId) ?? first),
    ...input.result,
    placementResult: 'passed',
  };
  const step = program.steps.find((s) => s.id === first.stepId)!;
  const saved = await saveStepWithProgress(
    deps,
    { program, step, enrollment, state: first, states },
    next,
    now,
  );
  return saved.saved;
}

/** The part's cards waited for the quiz: each comes now, or when it falls due if that is later. */
async function releasePart(deps: PlacementDeps, r: PlacementRequest, part: PlacementPart): Promise<void> {
  const now = deps.clock.now().getTime();
  const { steps: states } = await deps.progress.load(r.tenantId, r.learnerId, r.programId);
  for (const work of await deps.dueWork.listForPerson(r.tenantId, r.learnerId)) {
    if (work.programId !== r.programId || work.kind !== 'step' || !part.steps.includes(work.stepId)) continue;
    const state = states.find((s) => s.stepId === work.stepId);
    if (!state || state.status !== 'scheduled') continue;
    const when = new Date(Math.max(now, Date.parse(state.dueAt)));
    if (new Date(work.at) > when) await deps.dueWork.move(work, when);
  }
}
