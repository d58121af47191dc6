/**
 * The per-tenant send budget that every worker process shares (Teams: 50 sends a second per app
 * per tenant). The stored log holds the instant of every send granted in the last window; a grant
 * keeps any window of `windowMs` within `perSecond` sends, whichever workers took them. The window is
 * a little longer than Teams' second (`marginMs`): a send reaches Teams a few milliseconds after its
 * grant, and that delay varies. A burst cap spreads the second over it (Teams' window slides: a
 * second granted in one burst would meet the next second's burst). Pure: the caller passes the time.
 *
 * The earlier design counted grants per 50 ms slot and had to keep k + 1 slots within the rate (any
 * real second overlaps that many), so it could never use more than 20/21 of it (47.6 at 50); the log
 * knows each grant's instant, so it can use perSecond · 1000 / windowMs (49.3 at 50).
 */

/** Teams' documented limit for all sends of one app in one tenant. */
export const TEAMS_TENANT_SENDS_PER_SECOND = 50;
export const DEFAULT_TENANT_SENDS_PER_SECOND = 45;
/** Graph: app installs per app and tenant (REFERENCE.md). */
export const GRAPH_INSTALLS_PER_SECOND = 30;

export interface SendRate {
  perSecond: number;
  /** 1000 ms plus the margin for the grant-to-Teams delay. */
  windowMs: number;
  /** Most grants in any `burstMs`, so one worker cannot take a whole second at once. */
  burst: number;
  burstMs: number;
}

/** The instants (ms) of the grants still inside the window, oldest first. */
export type GrantLog = number[];

/** The budget for a configured rate; a message when the rate is not one the limit allows. */
export function sendRate(
  perSecond = DEFAULT_TENANT_SENDS_PER_SECOND,
  options: { marginMs?: number; limit?: number } = {},
): SendRate | string {
  const limit = options.limit ?? TEAMS_TENANT_SENDS_PER_SECOND;
  const marginMs = options.marginMs ?? 15;
  if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > limit)
    return `the send rate per tenant must be a whole number from 1 to ${limit} a second`;
  if (!Number.isInteger(marginMs) || marginMs < 0 || marginMs > 500)
    return 'the margin must be a whole number of milliseconds from 0 to 500';
  const burstMs = 100;
  return { perSecond, windowMs: 1000 + marginMs, burstMs, burst: Math.ceil(perSecond / 10) + 1 };
}

export type Grant = { granted: number; log: GrantLog } | { granted: 0; retryInMs: number };

/**
 * How many of `wanted` sends may go now, and the log to store with them; or, when none may, how
 * long until the oldest grant in a full window (or burst) leaves it.
 */
export function grantSends(rate: SendRate, stored: GrantLog, wanted: number, nowMs: number): Grant {
  const log = stored.filter((t) => t > nowMs - rate.windowMs);
  const inBurst = log.filter((t) => t > nowMs - rate.burstMs).length;
  const granted = Math.max(0, Math.min(wanted, rate.perSecond - log.length, rate.burst - inBurst));
  if (granted > 0) return { granted, log: [...log, ...Array<number>(granted).fill(nowMs)] };
  let waitMs = 1;
  if (log.length >= rate.perSecond)
    waitMs = Math.max(waitMs, log[log.length - rate.perSecond]! + rate.windowMs - nowMs + 1);
  if (inBurst >= rate.burst)
    waitMs = Math.max(waitMs, log[log.length - rate.burst]! + rate.burstMs - nowMs + 1);
  return { granted: 0, retryInMs: waitMs };
}
