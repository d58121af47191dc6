import { checkPulse } from '../../domain/effect/selfAssessment.ts';
import type { LearningDeps } from './learningDeps.ts';
import { retryOnConflict, CONFLICT, type Conflict } from '../platform/retryOnConflict.ts';
import { loadStepForAction, saveStep, type Refusal, type StepActionRequest } from './stepAction.ts';

export type PulseOutcome =
  | { kind: 'saved'; useful: boolean; hasComment: boolean }
  | { kind: 'tooLong' }
  | { kind: 'refused'; refusal: Refusal };

type Deps = Pick<LearningDeps, 'catalog' | 'progress' | 'steps' | 'clock'>;

/**
 * "Useful?" after an item the learner finished: stored on their step row (their own partition), the
 * latest answer counting, so a second tap changes their mind rather than adding a vote. Only the
 * learner, only on a step that is done (the step policy's `answerPulse`).
 */
export async function answerPulse(
  deps: Deps,
  r: StepActionRequest & { useful: boolean; comment: string },
): Promise<PulseOutcome> {
  const outcome = await retryOnConflict('answer a pulse', async (): Promise<PulseOutcome | Conflict> => {
    const found = await loadStepForAction(deps, r, 'answerPulse');
    if (!found.ok) return { kind: 'refused', refusal: found.refusal };
    const check = checkPulse(r.useful ? 'useful' : 'notUseful', r.comment);
    if (!check.ok) return { kind: 'tooLong' };
    const { state } = found.loaded;
    const saved = await saveStep(deps, {
      ...state,
      pulseUseful: check.useful,
      pulseComment: check.comment,
      pulseAt: deps.clock.now().toISOString(),
    });
    if (!saved) return CONFLICT;
    return { kind: 'saved', useful: check.useful, hasComment: check.comment !== undefined };
  });
  return outcome;
}
