import type { DueWork } from '../../../domain/delivery/dueWork.ts';
import type { Enrollment } from '../../../domain/learning/enrollment.ts';
import { assessorOf, isAskedOfManager, type Program } from '../../../domain/learning/program.ts';
import type { StepState } from '../../../domain/learning/stepState.ts';
import type { LearningDeps } from '../learningDeps.ts';
import { dripKey } from '../../delivery/drip/dripItem.ts';
import { placementItem, placementKey } from './placementItem.ts';

/**
 * How long the first card of a part with a placement quiz waits for the quiz to be answered. Passing
 * recognises the part (its cards are then never sent); failing or declining lets the card come at
 * once; no answer in this time and the part's cards come as usual, the quiz card still answerable.
 */
export const PLACEMENT_WAIT_MS = 24 * 60 * 60_000;

/**
 * The scheduler's look before the first card of a part with a placement quiz: the first time that
 * card is due, the placement card goes out in its place and the card waits (PLACEMENT_WAIT_MS). The
 * pipeline's key per person, part and round makes this happen once, whatever the rounds and
 * workers; afterwards the card goes as usual (unless the part was recognised: then it is done and
 * the scheduler drops it). Answers 'queued' when the placement card was put on the pipeline.
 */
export async function offerPlacement(
  deps: Pick<LearningDeps, 'outbound' | 'dueWork' | 'steps' | 'deliveries'>,
  input: {
    work: DueWork;
    program: Program;
    enrollment: Enrollment;
    step: StepState;
    now: Date;
    /** The person's local day: the quiz counts toward their daily cap, as the card it replaces. */
    today: string;
  },
): Promise<'queued' | 'deferred' | undefined> {
  const { work, program, enrollment, step, now } = input;
  if (work.kind !== 'step' || program.version !== enrollment.programVersion) return undefined;
  const part = program.parts.find((p) => p.placement !== undefined && p.steps.includes(work.stepId));
  if (!part) return undefined;
  if (part.steps[0] !== work.stepId) return waitForQuiz(deps, work, part.steps[0]!, now);
  if (step.placementResult !== undefined || step.status !== 'scheduled') return undefined;
  // A first step that goes to someone else (a check-in, an exercise): there is no one to test.
  const first = program.steps.find((s) => s.id === work.stepId);
  if (assessorOf(first) || isAskedOfManager(first)) return undefined;
  const target = {
    tenantId: work.tenantId,
    userId: work.userId,
    programId: work.programId,
    partId: part.id,
    ...(work.round !== undefined ? { round: work.round } : {}),
  };
  const key = placementKey(target);
  if (await deps.outbound.recipient({ tenantId: work.tenantId, key })) return undefined;
  await deps.deliveries.recordSentOnDay(work.tenantId, work.userId, input.today, key);
  await deps.outbound.enqueue([placementItem(target)], { retryFailed: true });
  await deps.dueWork.move(work, new Date(now.getTime() + PLACEMENT_WAIT_MS));
  return 'queued';
}

/** A later card of the part looks again this much later when the first one is due in the same round. */
const FIRST_GOES_FIRST_MS = 1_000;

/**
 * A later card of the part waits for the first one while that one waits for the quiz: a learner
 * about to test out of the part is not sent its second card meanwhile. Once the first card is on
 * its way (or the part was recognised, or the quiz failed or declined) the later cards go as usual.
 */
async function waitForQuiz(
  deps: Pick<LearningDeps, 'dueWork' | 'steps' | 'outbound'>,
  work: DueWork,
  firstStepId: string,
  now: Date,
): Promise<'deferred' | undefined> {
  const first = await deps.steps.get(work.tenantId, work.userId, work.programId, firstStepId);
  if (!first || first.placementResult !== undefined || first.status !== 'scheduled') return undefined;
  const firstWork = (await deps.dueWork.listForPerson(work.tenantId, work.userId)).find(
    (w) => w.programId === work.programId && w.stepId === firstStepId && w.kind === 'step',
  );
  if (!firstWork) return undefined;
  if (await deps.outbound.recipient({ tenantId: work.tenantId, key: dripKey(firstWork) })) return undefined;
  // Due in this round too: it goes first (the placement quiz, or its card), this one right after.
  const firstAt = new Date(firstWork.at);
  await deps.dueWork.move(work, firstAt > now ? firstAt : new Date(now.getTime() + FIRST_GOES_FIRST_MS));
  return 'deferred';
}
