import { z } from 'zod';
import { CHECKIN_COMMENT_MAX_LENGTH } from '../../domain/managers/checkin.ts';
import { LEARNING_TIME_LIMITS } from '../../domain/managers/learningTimeRequest.ts';
import { managerCardVerbs, type ManagerCardVerb } from '../platform/cardVerbs.ts';

/** Input ids on the managers cards: what Teams sends back in the action's data. */
export const managerInputIds = {
  date: 'learningDate',
  minutes: 'learningMinutes',
  programId: 'learningProgram',
  text: 'learningPurpose',
  comment: 'decisionComment',
  checkinOption: 'checkinOption',
  checkinComment: 'checkinComment',
} as const;

// Inputs are bounded a little above what the domain accepts, so an over-long entry reaches the
// domain's check and comes back with a clear message (and the text kept) instead of "out of date".
const typed = (max: number) =>
  z
    .string()
    .max(max * 4 + 100)
    .optional();
const id = z.string().min(1).max(100);

/** Each verb's data schema, with limits: anything else is refused as an out-of-date card. */
export const managerActionSchemas = {
  [managerCardVerbs.requestLearningTime]: z.object({
    formId: z.uuid(),
    [managerInputIds.date]: typed(20),
    [managerInputIds.minutes]: typed(10),
    [managerInputIds.programId]: typed(100),
    [managerInputIds.text]: typed(LEARNING_TIME_LIMITS.purposeMaxLength),
  }),
  [managerCardVerbs.decideLearningTime]: z.object({
    requestId: id,
    verdict: z.enum(['approve', 'deny']),
    [managerInputIds.comment]: typed(LEARNING_TIME_LIMITS.commentMaxLength),
  }),
  [managerCardVerbs.showLearningTime]: z.object({ requestId: id }),
  [managerCardVerbs.answerCheckin]: z.object({
    learnerId: id,
    programId: id,
    programVersion: z.coerce.number().int().min(1),
    stepId: id,
    [managerInputIds.checkinOption]: typed(5),
    [managerInputIds.checkinComment]: typed(CHECKIN_COMMENT_MAX_LENGTH),
  }),
} satisfies Record<ManagerCardVerb, z.ZodType>;
