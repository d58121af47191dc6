/**
 * What the pipeline does after Teams answered a send (REFERENCE.md, Bot Connector): a 429 waits
 * its own Retry-After (that message only); 412, 5xx and no answer back off with jitter; a 403 is
 * permanent for that person, with its reason; anything else is a failure not worth repeating.
 * Pure: the caller passes the randomness.
 */

/** Teams' answer to one call, as the connector adapter reads it. */
export type ConnectorAnswer =
  { ok: true; activityId: string } | { ok: false; status: number; retryAfterMs?: number; code?: string };

export type NextStep =
  | { kind: 'done'; activityId: string }
  | { kind: 'retry'; afterMs: number; reason: string; throttled: boolean }
  | { kind: 'failed'; reason: string };

/** Transient failures (not throttling) a message may meet before it is given up as failed. */
export const MAX_TRANSIENT_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 60_000;
/** Without a Retry-After, a 429 waits this long. */
const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * @param transientAttempts the transient failures this message met before this answer
 * @param random 0..1
 */
export function afterAnswer(answer: ConnectorAnswer, transientAttempts: number, random: number): NextStep {
  if (answer.ok) return { kind: 'done', activityId: answer.activityId };
  const { status } = answer;
  if (status === 429) {
    // Its own wait, plus a little spread so the throttled messages do not all return at once.
    const afterMs = (answer.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) + Math.floor(random * 250);
    return { kind: 'retry', afterMs, reason: 'throttled', throttled: true };
  }
  if (status === 403) return { kind: 'failed', reason: forbiddenReason(answer.code) };
  if (status === 412 || status === 0 || status >= 500) {
    if (transientAttempts + 1 >= MAX_TRANSIENT_ATTEMPTS) return { kind: 'failed', reason: 'tooManyAttempts' };
    return {
      kind: 'retry',
      afterMs: jitteredBackoff(transientAttempts, random),
      reason: status === 0 ? 'noAnswer' : `teams${status}`,
      throttled: false,
    };
  }
  if (status === 404) return { kind: 'failed', reason: 'notFound' };
  return { kind: 'failed', reason: 'teamsRefused' };
}

/** Exponential from 1 s, at most a minute, spread over ±50 % so workers do not retry in step. */
export function jitteredBackoff(attempt: number, random: number): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random));
}

/** Teams' documented 403 bodies: the person blocked the bot, or the admin disabled the app. */
export function forbiddenReason(code: string | undefined): string {
  if (code === 'ConversationBlockedByUser') return 'botBlocked';
  if (code === 'BotDisabledByAdmin') return 'appDisabled';
  return 'forbidden';
}

/**
 * Teams' limits for one bot in one conversation (REFERENCE.md): how long until one more send to
 * that conversation fits, given the instants of the last sends to it (oldest first). 0: now.
 */
export const CONVERSATION_WINDOWS = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
] as const;

export function conversationWaitMs(recent: readonly number[], nowMs: number): number {
  let waitMs = 0;
  for (const w of CONVERSATION_WINDOWS) {
    const inside = recent.filter((t) => t > nowMs - w.ms);
    if (inside.length < w.max) continue;
    waitMs = Math.max(waitMs, inside[inside.length - w.max]! + w.ms - nowMs + 1);
  }
  return waitMs;
}
