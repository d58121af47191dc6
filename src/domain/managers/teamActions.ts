// Nudges and recognition: the two small things a manager does for one of their people. Pure.
import { DateTime } from 'luxon';

/** ISO week of an instant in a time zone, e.g. "2026-W49": a nudge is allowed once per such week. */
export function isoWeek(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const at = local.isValid ? local : DateTime.fromJSDate(instant, { zone: 'UTC' });
  return `${at.weekYear}-W${String(at.weekNumber).padStart(2, '0')}`;
}

/** The start of the next ISO week (Monday 00:00) in the time zone: when the next nudge is allowed. */
export function nextIsoWeekStart(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const at = local.isValid ? local : DateTime.fromJSDate(instant, { zone: 'UTC' });
  return at.startOf('week').plus({ weeks: 1 }).toJSDate();
}

/**
 * The delivery key of a nudge: one per person per ISO week, whoever of their managers sends it, so
 * a person never gets two nudges in one week.
 */
export function nudgeKey(personId: string, week: string): string {
  return `nudge|${personId}|${week}`;
}

export const RECOGNITION_MAX_LENGTH = 280;

/** What the thank-you is for: a program completed, or one step of it. */
export interface RecognitionSubject {
  programId: string;
  stepId?: string;
}

/** One thank-you per manager, person and thing completed: a double click sends one card. */
export function recognitionKey(managerId: string, personId: string, subject: RecognitionSubject): string {
  return `recognition|${managerId}|${personId}|${subject.programId}|${subject.stepId ?? '-'}`;
}

export type RecognitionMessage =
  { ok: true; text: string } | { ok: false; problem: 'empty' | 'tooLong' | 'unknownSuggestion' };

/**
 * The line the manager wrote (1 to 280 characters), or one of the catalogue's suggestions by number.
 * Line breaks become spaces: the card shows one line.
 */
export function recognitionMessage(
  input: { text?: string; suggestion?: number },
  suggestions: readonly string[],
): RecognitionMessage {
  if (input.suggestion !== undefined) {
    const text = suggestions[input.suggestion];
    return text === undefined ? { ok: false, problem: 'unknownSuggestion' } : { ok: true, text };
  }
  const text = (input.text ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if ([...text].length > RECOGNITION_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  return { ok: true, text };
}

interface Completions {
  enrollments: ReadonlyArray<{ programId: string; status: string; completedAt?: string }>;
  steps: ReadonlyArray<{ programId: string; stepId: string; status: string; doneAt?: string }>;
}

/**
 * What a thank-you is for: the subject named, when the person has completed it; without one, the
 * latest thing they completed (a program, or a step of one that `counts`). Undefined: nothing yet.
 */
export function completedSubject(
  progress: Completions,
  named: RecognitionSubject | undefined,
  counts: (programId: string, stepId: string) => boolean = () => true,
): RecognitionSubject | undefined {
  if (named) {
    const done = named.stepId
      ? progress.steps.some(
          (s) => s.programId === named.programId && s.stepId === named.stepId && s.status === 'done',
        )
      : progress.enrollments.some((e) => e.programId === named.programId && e.status === 'completed');
    return done ? named : undefined;
  }
  const candidates: Array<{ at: string; subject: RecognitionSubject }> = [
    ...progress.enrollments.flatMap((e) =>
      e.status === 'completed' && e.completedAt
        ? [{ at: e.completedAt, subject: { programId: e.programId } }]
        : [],
    ),
    ...progress.steps.flatMap((s) =>
      s.status === 'done' && s.doneAt && counts(s.programId, s.stepId)
        ? [{ at: s.doneAt, subject: { programId: s.programId, stepId: s.stepId } }]
        : [],
    ),
  ];
  // A program's completion and its last step share a moment: the program is the bigger thing.
  candidates.sort(
    (a, b) => b.at.localeCompare(a.at) || (a.subject.stepId ? 1 : 0) - (b.subject.stepId ? 1 : 0),
  );
  return candidates[0]?.subject;
}
