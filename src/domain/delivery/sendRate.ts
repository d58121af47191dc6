/**
 * The per-tenant send budget that every worker process shares (Teams: 50 sends a second per app
 * per tenant). The stored log holds the instant of every send reserved in the last window, some of
 * them a little ahead of now; a reservation keeps any window of `windowMs` within `perSecond`
 * sends, whichever workers took them. The window is a little longer than Teams' second
 * (`marginMs`): a send reaches Teams a few milliseconds after its instant, and that delay varies.
 * Consecutive instants are at least `gapMs` apart, so a second is spread over it instead of sent in
 * bursts that meet the next second's at Teams' sliding window. Pure: the caller passes the time.
 *
 * Why instants ahead of now: when every instant granted at "now" waits for a claim (a storage read
 * and write), each grant comes that claim's latency after the moment the window had room, and the
 * grant 50 sends later inherits the delay (the window slides from it): the lags add up, second after
 * second (41 a second at 50 on a loaded machine). A worker that reserves up to `horizonMs` ahead
 * claims while the earlier sends are still waiting for theirs, so the window's room is used at the
 * instant it opens, and the claim's latency is hidden.
 */

/** Teams' documented limit for all sends of one app in one tenant. */
export const TEAMS_TENANT_SENDS_PER_SECOND = 50;
export const DEFAULT_TENANT_SENDS_PER_SECOND = 45;
/** Graph: app installs per app and tenant (REFERENCE.md). */
export const GRAPH_INSTALLS_PER_SECOND = 30;

export interface SendRate {
  perSecond: number;
  /** 1000 ms plus the margin for the delay between a send's instant and its arrival at Teams. */
  windowMs: number;
  /** Least time between two instants (a little under the even spacing, so a late start can catch up). */
  gapMs: number;
  /** Furthest ahead of now an instant is reserved. */
  horizonMs: number;
  /**
   * A sender that reaches its instant later than this (its process was busy) takes a new one
   * instead: sent late, it would reach Teams in the next second's share and bunch with it.
   */
  lateMs: number;
}

/** The instants (ms) of the sends reserved inside the window (and ahead of now), oldest first. */
export type GrantLog = number[];

/** The budget for a configured rate; a message when the rate is not one the limit allows. */
export function sendRate(
  perSecond = DEFAULT_TENANT_SENDS_PER_SECOND,
  options: { marginMs?: number; limit?: number; horizonMs?: number } = {},
): SendRate | string {
  const limit = options.limit ?? TEAMS_TENANT_SENDS_PER_SECOND;
  const marginMs = options.marginMs ?? 15;
  const horizonMs = options.horizonMs ?? 400;
  if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > limit)
    return `the send rate per tenant must be a whole number from 1 to ${limit} a second`;
  if (!Number.isInteger(marginMs) || marginMs < 0 || marginMs > 500)
    return 'the margin must be a whole number of milliseconds from 0 to 500';
  if (!Number.isInteger(horizonMs) || horizonMs < 0 || horizonMs > 2000)
    return 'the horizon must be a whole number of milliseconds from 0 to 2000';
  return {
    perSecond,
    windowMs: 1000 + marginMs,
    gapMs: Math.floor(900 / perSecond),
    horizonMs,
    // No later than the margin: a stalled process wakes with all its due sends late at once, and
    // sent together they bunch past Teams' second (below the limit too: 45 a second met 4 to 8 429s
    // in 300 sends on a busy 2-core machine). Taking a new instant costs the tenant no send: the
    // one given up is released with the claim (usecases/delivery/sharedSendRate.ts).
    lateMs: marginMs,
  };
}

export type Grant = { instants: number[]; log: GrantLog } | { instants: []; retryInMs: number };

/**
 * Instants for up to `wanted` sends (each at or after now, at most the horizon ahead), and the log
 * to store with them; or, when none fits, how long until asking again can get one.
 */
export function grantSends(rate: SendRate, stored: GrantLog, wanted: number, nowMs: number): Grant {
  const log = stored.filter((t) => t > nowMs - rate.windowMs);
  const instants: number[] = [];
  let next = earliest(rate, log, nowMs);
  while (instants.length < wanted && next <= nowMs + rate.horizonMs) {
    instants.push(next);
    log.push(next);
    next = earliest(rate, log, nowMs);
  }
  if (instants.length > 0) return { instants, log };
  return { instants: [], retryInMs: Math.max(1, next - rate.horizonMs - nowMs) };
}

/** The first instant at which one more send keeps every window within the rate. */
function earliest(rate: SendRate, log: GrantLog, nowMs: number): number {
  let at = nowMs;
  const last = log[log.length - 1];
  if (last !== undefined) at = Math.max(at, last + rate.gapMs);
  // The window ending at `at` holds the grants after at - windowMs: the oldest of the last
  // perSecond must be out of it.
  if (log.length >= rate.perSecond) at = Math.max(at, log[log.length - rate.perSecond]! + rate.windowMs);
  return at;
}
