import { can, type ExerciseResource } from '../../domain/access/index.ts';
import type { PracticalStep, Program } from '../../domain/learning/program.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';
import { saveStepWithProgress } from '../learning/stepAction.ts';
import type { Caller } from '../managers/team/reportingLine.ts';
import type { SessionsDeps } from './sessionsDeps.ts';

export interface ExerciseRef {
  learnerId: string;
  programId: string;
  programVersion: number;
  stepId: string;
}

export type SignOffOutcome =
  | { kind: 'signedOff'; program: Program; step: PracticalStep; programCompleted: boolean }
  | { kind: 'alreadySignedOff'; program: Program; step: PracticalStep }
  | { kind: 'notAllowed' }
  | { kind: 'outdated' };

/**
 * The assessor named in content confirms that the learner did the practical exercise: the learner's
 * step is done, with their enrollment's progress, so it counts toward the certification. The learner
 * cannot sign off their own, nor can anyone but the assessor (the policy, from content and directory).
 */
export async function signOffExercise(
  deps: SessionsDeps,
  caller: Caller,
  ref: ExerciseRef,
): Promise<SignOffOutcome> {
  const program = deps.catalog.find(ref.programId);
  const step = program?.steps.find((s) => s.id === ref.stepId);
  if (!program || step?.kind !== 'practical' || program.version !== ref.programVersion)
    return { kind: 'outdated' };
  const assessor = await deps.people.findByUpn(caller.tenantId, step.assessor);
  return retryOnConflict('sign off an exercise', async () => {
    const { enrollment, steps: states } = await deps.progress.load(
      caller.tenantId,
      ref.learnerId,
      ref.programId,
    );
    const state = states.find((s) => s.stepId === ref.stepId);
    if (!enrollment || !state || enrollment.programVersion !== program.version)
      return { kind: 'outdated' as const };
    const resource: ExerciseResource = {
      type: 'exercise',
      tenantId: enrollment.tenantId,
      learnerId: ref.learnerId,
      assessorId: assessor?.id,
      status: state.status,
      enrollmentActive: enrollment.status === 'active',
    };
    if (!can({ ...caller, roles: ['learner'] }, 'signOffExercise', resource)) {
      const isAssessor = assessor?.id === caller.userId && caller.userId !== ref.learnerId;
      if (isAssessor && state.status === 'done') return { kind: 'alreadySignedOff' as const, program, step };
      return { kind: isAssessor ? ('outdated' as const) : ('notAllowed' as const) };
    }
    const now = deps.clock.now();
    const saved = await saveStepWithProgress(
      deps,
      { program, step, enrollment, state, states },
      {
        ...state,
        status: 'done',
        doneAt: now.toISOString(),
        answer: JSON.stringify({ signedOffBy: caller.userId }),
      },
      now,
    );
    if (!saved.saved) return CONFLICT;
    return { kind: 'signedOff' as const, program, step, programCompleted: saved.programCompleted };
  });
}
