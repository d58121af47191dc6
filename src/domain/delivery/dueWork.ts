/** What kind of card a piece of due work sends. */
export type DueKind = 'step' | 'reminder' | 'review';

/** One card that must go out at `at` (or the first allowed moment after it). */
export interface DueWork {
  tenantId: string;
  at: string;
  userId: string;
  programId: string;
  stepId: string;
  kind: DueKind;
  /** Which reminder or review this is (1, 2, …); 0 for the step itself. */
  n: number;
  questionId?: string;
  /** The enrollment's round (see Enrollment.round); absent for the first. */
  round?: number;
}

/** The identity of a card: the same work always has the same key, wherever and however often it runs. */
export function deliveryKey(
  w: Pick<DueWork, 'userId' | 'programId' | 'stepId' | 'kind' | 'n' | 'questionId' | 'round'>,
): string {
  const key = [w.userId, w.programId, w.stepId, w.kind, String(w.n), w.questionId ?? '-'];
  // A first round keeps the key it always had, so cards sent before rounds existed stay recognised.
  if (w.round !== undefined && w.round > 0) key.push(`r${w.round}`);
  return key.join('|');
}
