import { checkSelfAssessment } from '../../domain/effect/selfAssessment.ts';
import { CONFLICT } from '../platform/retryOnConflict.ts';
import { retryOnChange, type Attempt, type Deps } from './answerStep.ts';
import { loadStepForAction, saveStepWithProgress, type StepActionRequest } from './stepAction.ts';

/**
 * A self-assessment answered in the card: every statement rated 1–5 (checked here, never trusted
 * from the card), stored as the step's answer, and the step is done. A statement left unrated brings
 * the card back with the ratings given kept. Whether the learner's manager may see the answers is the
 * program's choice (`shareWithManager`), recorded on the row so the access policy can read it.
 */
async function answerSelfAssessmentOnce(
  deps: Deps,
  r: StepActionRequest & { ratings: Record<string, string> },
): Promise<Attempt> {
  const found = await loadStepForAction(deps, r, 'answerSelfAssessment');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded } = found;
  if (loaded.step.kind !== 'self-assessment') return { kind: 'refused', refusal: 'oldVersion' };
  const check = checkSelfAssessment(loaded.step, r.ratings);
  if (!check.ok)
    return { kind: 'selfAssessmentIncomplete', loaded, missing: check.missing, kept: check.kept };
  const now = deps.clock.now();
  const saved = await saveStepWithProgress(
    deps,
    loaded,
    {
      ...loaded.state,
      status: 'done',
      doneAt: now.toISOString(),
      answer: JSON.stringify({ ratings: check.ratings }),
      sharedWithManager: loaded.step.shareWithManager,
    },
    now,
  );
  if (!saved.saved) return CONFLICT;
  return {
    kind: 'done',
    loaded,
    programCompleted: saved.programCompleted,
    answer: { ratings: check.ratings },
  };
}

export const answerSelfAssessment = retryOnChange('answer a self-assessment', answerSelfAssessmentOnce);
