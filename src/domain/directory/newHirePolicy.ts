// Who counts as a new hire: decided when directory sync meets a person. Pure: `now` is passed in.
//
// The policy. A person is a new hire when all of these hold:
//   1. first seen: Drypp has not yet met them as an enabled member (see "first seen" below);
//   2. the account is enabled;
//   3. they are a member of the organisation, not a guest;
//   4. their hire date (`employeeHireDate`) is from `hireDateFromDaysAgo` days ago onward, counted
//      from the start of that day (UTC) — future hire dates count, so people are pre-boarded before
//      their first day — or the account was created within the last `createdWithinDays` days.
// A mailbox is not required: frontline accounts often have none, and Teams still reaches them.
// Both windows default to 14 days and are configurable (NewHirePolicySchema). An account with neither
// date is old: Graph records `createdDateTime` for every account created since mid-2018.
//
// Initial sync. The first sync of an existing tenant meets everyone at once, and everyone is "first
// seen"; treating them all as new would send a welcome card to the whole organisation. So during the
// initial sync (`isInitialSync`) only people inside the windows count, and a known hire date decides
// on its own: a tenant that was recently migrated or restructured has recently created accounts for
// people who were hired years ago, and HR's hire date is the better witness. Everyone else is only
// recorded, and is never "first seen" again. After the initial sync, either window is enough (an
// account created today is a new colleague even if HR's record carries an earlier hire date).
//
// First seen. The sync passes `firstSeen: true` until it has met the person as an enabled member:
// HR-driven provisioning creates accounts disabled until the first day, so a person recorded while
// disabled (or as a guest) is decided again, by the same windows, when the account is enabled.
import { z } from 'zod';
import type { DirectoryPerson } from './directoryPerson.ts';

const Days = z.int().min(0).max(365);

/** The configurable part of the policy; both windows in days. */
export const NewHirePolicySchema = z.strictObject({
  createdWithinDays: Days.default(14),
  hireDateFromDaysAgo: Days.default(14),
});
export type NewHirePolicy = z.output<typeof NewHirePolicySchema>;

export const DEFAULT_NEW_HIRE_POLICY: NewHirePolicy = { createdWithinDays: 14, hireDateFromDaysAgo: 14 };

export interface NewHireContext {
  firstSeen: boolean;
  now: Date;
  /** The first sync of a tenant: see "Initial sync" above. */
  isInitialSync?: boolean;
  policy?: Partial<NewHirePolicy>;
}

/** Short codes for logs and `drypp people status`. */
export type NewHireDecision =
  | { newHire: true; reason: 'hireDate' | 'createdRecently' }
  | { newHire: false; reason: 'notFirstSeen' | 'disabled' | 'guest' | 'tooOld' };
export type NewHireReason = NewHireDecision['reason'];

const DAY_MS = 24 * 60 * 60 * 1000;

export function isNewHire(person: DirectoryPerson, context: NewHireContext): NewHireDecision {
  if (!context.firstSeen) return { newHire: false, reason: 'notFirstSeen' };
  if (!person.accountEnabled) return { newHire: false, reason: 'disabled' };
  if (person.userType !== 'Member') return { newHire: false, reason: 'guest' };

  const policy = { ...DEFAULT_NEW_HIRE_POLICY, ...context.policy };
  const now = context.now.getTime();
  const hired = instant(person.employeeHireDate);
  const created = instant(person.createdDateTime);

  if (hired !== undefined) {
    const todayStart = Math.floor(now / DAY_MS) * DAY_MS;
    if (hired >= todayStart - policy.hireDateFromDaysAgo * DAY_MS)
      return { newHire: true, reason: 'hireDate' };
    if (context.isInitialSync === true) return { newHire: false, reason: 'tooOld' };
  }
  if (created !== undefined && created >= now - policy.createdWithinDays * DAY_MS) {
    return { newHire: true, reason: 'createdRecently' };
  }
  return { newHire: false, reason: 'tooOld' };
}

function instant(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
