// Reading a self-assessment's answers and a pulse from a card, checked on the server. Pure.
import { SELF_ASSESSMENT_SCALE, type SelfAssessmentStep } from '../learning/program.ts';

/** Ratings per statement id, each 1..5. */
export type SelfAssessmentRatings = Record<string, number>;

export type SelfAssessmentCheck =
  | { ok: true; ratings: SelfAssessmentRatings }
  | { ok: false; missing: string[]; kept: SelfAssessmentRatings };

/**
 * Every statement of the step needs a whole number from 1 to 5; anything else (empty, 0, 6, "3.5",
 * a statement the step does not have) counts as not answered, and what was valid is kept so the card
 * can ask again with it. Values the step does not ask for are ignored, never stored.
 */
export function checkSelfAssessment(
  step: Pick<SelfAssessmentStep, 'statements'>,
  raw: Readonly<Record<string, string | undefined>>,
): SelfAssessmentCheck {
  const ratings: SelfAssessmentRatings = {};
  const missing: string[] = [];
  for (const statement of step.statements) {
    const value = Object.hasOwn(raw, statement.id) ? raw[statement.id]?.trim() : undefined;
    const rating = value !== undefined && /^\d$/.test(value) ? Number(value) : NaN;
    if (rating >= SELF_ASSESSMENT_SCALE.min && rating <= SELF_ASSESSMENT_SCALE.max)
      ratings[statement.id] = rating;
    else missing.push(statement.id);
  }
  return missing.length > 0 ? { ok: false, missing, kept: ratings } : { ok: true, ratings };
}

/** A stored self-assessment answer (StepState.answer), or nothing when it is not one. */
export function ratingsOf(answer: string | undefined): SelfAssessmentRatings | undefined {
  if (answer === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(answer);
    const ratings = (parsed as { ratings?: unknown } | null)?.ratings;
    if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) return undefined;
    const valid = Object.entries(ratings).filter(
      (e): e is [string, number] =>
        Number.isInteger(e[1]) && e[1] >= SELF_ASSESSMENT_SCALE.min && e[1] <= SELF_ASSESSMENT_SCALE.max,
    );
    return Object.fromEntries(valid);
  } catch {
    return undefined;
  }
}

/** "Useful?" after an item: yes or no, and a comment of at most this many characters. */
export const PULSE_COMMENT_MAX = 280;
export type PulseAnswer = 'useful' | 'notUseful';

export type PulseCheck = { ok: true; useful: boolean; comment?: string } | { ok: false; reason: 'tooLong' };

/** A comment is trimmed, its line breaks folded into spaces; empty means none; too long is refused. */
export function checkPulse(answer: PulseAnswer, comment: string | undefined): PulseCheck {
  const text = (comment ?? '').replace(/\s+/g, ' ').trim();
  if ([...text].length > PULSE_COMMENT_MAX) return { ok: false, reason: 'tooLong' };
  return { ok: true, useful: answer === 'useful', ...(text ? { comment: text } : {}) };
}
