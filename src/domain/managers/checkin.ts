// Check-ins: a question about a learner, asked of their manager (the `checkin` step kind). Pure.
import type { CheckinStep } from '../learning/program.ts';

/** A manager's answer to a check-in about one of their people. */
export interface CheckinAnswer {
  tenantId: string;
  learnerId: string;
  programId: string;
  stepId: string;
  managerId: string;
  /** Index into the step's options. */
  option: number;
  comment?: string;
  answeredAt: string;
}

export const CHECKIN_COMMENT_MAX_LENGTH = 500;

export type CheckinAnswerCheck =
  | { ok: true; option: number; comment?: string }
  | { ok: false; problem: 'noOption' | 'commentTooLong'; comment?: string };

/** One of the step's options must be chosen; a comment is optional and at most 500 characters. */
export function checkCheckinAnswer(
  step: CheckinStep,
  input: { option?: string | number; comment?: string },
): CheckinAnswerCheck {
  const comment = step.allowComment ? input.comment?.trim() || undefined : undefined;
  const option = Number(input.option);
  if (
    String(input.option ?? '').trim() === '' ||
    !Number.isInteger(option) ||
    option < 0 ||
    option >= step.options.length
  )
    return { ok: false, problem: 'noOption', comment };
  if (comment && [...comment].length > CHECKIN_COMMENT_MAX_LENGTH)
    return { ok: false, problem: 'commentTooLong', comment };
  return { ok: true, option, comment };
}

/** "How is {name} doing after her second week?": the learner's first name goes where {name} is. */
export function checkinQuestion(template: string, learnerName: string): string {
  const firstName = learnerName.trim().split(/\s+/)[0] ?? learnerName;
  return template.replaceAll('{name}', firstName);
}
