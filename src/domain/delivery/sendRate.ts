/**
 * The per-tenant send budget that every worker process shares (Teams: 50 sends a second per app
 * per tenant). Time is cut into short slots; the stored window holds how many sends were granted in
 * each recent slot. A grant keeps the sends of the current slot and the slots of the last second
 * (k + 1 slots, since any real second overlaps that many) within `perSecond`, so no second ever
 * holds more than `perSecond` sends, whichever workers took them. Pure: the caller passes the time.
 */

/** Teams' documented limit for all sends of one app in one tenant. */
export const TEAMS_TENANT_SENDS_PER_SECOND = 50;
export const DEFAULT_TENANT_SENDS_PER_SECOND = 45;

export interface SendRate {
  perSecond: number;
  slotMs: number;
  /** Most sends granted in one slot, so one worker cannot take a whole second in one burst. */
  perSlot: number;
}

/** The budget for a configured rate; a message when the rate is not one Teams allows. */
export function sendRate(perSecond = DEFAULT_TENANT_SENDS_PER_SECOND, slotMs = 50): SendRate | string {
  if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > TEAMS_TENANT_SENDS_PER_SECOND)
    return `the send rate per tenant must be a whole number from 1 to ${TEAMS_TENANT_SENDS_PER_SECOND} a second`;
  if (!Number.isInteger(slotMs) || slotMs < 10 || 1000 % slotMs !== 0)
    return 'the slot length must divide a second into whole milliseconds (10 ms or more)';
  const slotsPerSecond = 1000 / slotMs;
  return { perSecond, slotMs, perSlot: Math.ceil(perSecond / slotsPerSecond) + 1 };
}

/** Sends granted per slot number, for the slots still inside the window. */
export type SlotCounts = Array<[slot: number, granted: number]>;

export function slotAt(rate: SendRate, nowMs: number): number {
  return Math.floor(nowMs / rate.slotMs);
}

/** The slots that count for a grant in `slot`: it and the ones of the second before it. */
function windowStart(rate: SendRate, slot: number): number {
  return slot - 1000 / rate.slotMs;
}

export type Grant =
  { granted: number; slot: number; window: SlotCounts } | { granted: 0; slot: number; retryInMs: number };

/**
 * How many of `wanted` sends may go now, and the window to store with them; or, when none may,
 * how long until the next slot (when older sends leave the window or the slot's share renews).
 */
export function grantSends(rate: SendRate, stored: SlotCounts, wanted: number, nowMs: number): Grant {
  const slot = slotAt(rate, nowMs);
  const from = windowStart(rate, slot);
  const window = stored.filter(([s]) => s >= from && s <= slot);
  const inWindow = window.reduce((sum, [, n]) => sum + n, 0);
  const inSlot = window.find(([s]) => s === slot)?.[1] ?? 0;
  const granted = Math.max(0, Math.min(wanted, rate.perSlot - inSlot, rate.perSecond - inWindow));
  if (granted === 0) return { granted: 0, slot, retryInMs: (slot + 1) * rate.slotMs - nowMs };
  const others = window.filter(([s]) => s !== slot);
  return { granted, slot, window: [...others, [slot, inSlot + granted]] };
}
