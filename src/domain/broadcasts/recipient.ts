// One person a broadcast went to: what they were sent, what they acknowledged, reminders. Pure.
import type { Language } from '../platform/language.ts';
import type { Broadcast } from './broadcast.ts';

export interface BroadcastRecipient {
  tenantId: string;
  broadcastId: string;
  userId: string;
  /** As the directory had them at the send, for rates and the export. */
  address: string;
  displayName: string;
  department?: string;
  jobTitle?: string;
  managerId?: string;
  language: Language;
  timeZone?: string;
  addedAt: string;
  /** Every acknowledgement, oldest first: a correction asks again, the earlier ones stay. */
  acknowledgements: Array<{ version: number; at: string }>;
  remindersSent: number;
  lastRemindedAt?: string;
}

export function acknowledgedAt(r: BroadcastRecipient, version: number): string | undefined {
  return r.acknowledgements.find((a) => a.version === version)?.at;
}

export function hasAcknowledged(r: BroadcastRecipient, version: number): boolean {
  return r.acknowledgements.some((a) => a.version === version);
}

export type AcknowledgementDecision =
  | { kind: 'acknowledge'; recipient: BroadcastRecipient; at: string }
  | { kind: 'alreadyAcknowledged'; at: string }
  /** The card shows another version than the server's: nothing is recorded. */
  | { kind: 'outdated' }
  | { kind: 'recalled' }
  | { kind: 'notRequired' };

/**
 * "I have read and understood": recorded for the server's current version only. The card's version
 * is compared, never used: a card of an earlier version is outdated, whatever it says.
 */
export function decideAcknowledgement(
  b: Broadcast,
  r: BroadcastRecipient,
  cardVersion: number,
  now: Date,
): AcknowledgementDecision {
  if (b.status === 'recalled') return { kind: 'recalled' };
  if (!b.requiresAcknowledgement) return { kind: 'notRequired' };
  if (cardVersion !== b.version) return { kind: 'outdated' };
  const earlier = acknowledgedAt(r, b.version);
  if (earlier) return { kind: 'alreadyAcknowledged', at: earlier };
  const at = now.toISOString();
  return {
    kind: 'acknowledge',
    at,
    recipient: { ...r, acknowledgements: [...r.acknowledgements, { version: b.version, at }] },
  };
}

const DAY_MS = 86_400_000;

/**
 * The number of the reminder due to this person now (1-based), or undefined: they have not
 * acknowledged the current version, their card arrived at least `afterDays` days ago (and the last
 * reminder or correction as long ago), and fewer than `maxReminders` went out.
 */
export function reminderDue(
  b: Broadcast,
  r: BroadcastRecipient,
  deliveredAt: string | undefined,
  now: Date,
): number | undefined {
  if (b.status !== 'sending' || !b.requiresAcknowledgement || !deliveredAt) return undefined;
  if (r.remindersSent >= b.reminders.maxReminders || hasAcknowledged(r, b.version)) return undefined;
  const versionAt = b.versions.find((v) => v.version === b.version)?.createdAt;
  const since = Math.max(
    Date.parse(deliveredAt),
    r.lastRemindedAt ? Date.parse(r.lastRemindedAt) : 0,
    versionAt && b.version > 1 ? Date.parse(versionAt) : 0,
  );
  return now.getTime() - since >= b.reminders.afterDays * DAY_MS ? r.remindersSent + 1 : undefined;
}

export interface RateRow {
  key: string;
  recipients: number;
  acknowledged: number;
  rate: number;
}

/** Acknowledgement of the current version per group (department, manager), lowest rate first. */
export function acknowledgementRates(
  recipients: readonly BroadcastRecipient[],
  version: number,
  groupOf: (r: BroadcastRecipient) => string,
): RateRow[] {
  const groups = new Map<string, { recipients: number; acknowledged: number }>();
  for (const r of recipients) {
    const key = groupOf(r);
    const g = groups.get(key) ?? { recipients: 0, acknowledged: 0 };
    g.recipients++;
    if (hasAcknowledged(r, version)) g.acknowledged++;
    groups.set(key, g);
  }
  return [...groups]
    .map(([key, g]) => ({ key, ...g, rate: g.recipients === 0 ? 0 : g.acknowledged / g.recipients }))
    .sort((a, b) => a.rate - b.rate || b.recipients - a.recipients || a.key.localeCompare(b.key));
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, per OWASP, a tab or a
 * carriage return) as a formula: such a cell gets a leading `'`, so a name can never run as one.
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
