import type { UserRecord } from '../state/types.ts';

/**
 * A user as Microsoft Graph v1.0 presents it, and which properties a change touched (so a delta
 * round with `$select` returns only users whose selected properties changed, as Graph does).
 */

const bit = (n: number) => 1 << n;

/** Each selectable property and the change bit that tracks it. */
export const userProperties: Record<string, number> = {
  id: 0,
  displayName: bit(0),
  givenName: bit(0),
  surname: bit(0),
  mail: bit(1),
  userPrincipalName: bit(2),
  accountEnabled: bit(3),
  userType: bit(4),
  department: bit(5),
  jobTitle: bit(6),
  employeeHireDate: bit(7),
  createdDateTime: bit(8),
  preferredLanguage: bit(9),
  mailboxSettings: bit(10),
  manager: bit(11),
  businessPhones: 0,
  mobilePhone: 0,
  officeLocation: 0,
  usageLocation: 0,
};

export const ALL_USER_BITS = bit(12) - 1;

/** Always matches: a removal is reported whatever was selected. */
export const REMOVED_BIT = bit(30);

/** Graph's default user properties when there is no `$select`. */
export const defaultUserSelect = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** Stored outside the directory (in Exchange): Graph refuses them on collections and in delta. */
export const mailboxOnly = new Set(['mailboxSettings']);

export type SelectResult = { ok: true; props: string[]; mask: number } | { ok: false; unknown: string };

/** Parses `$select` (case-insensitive names, as Graph allows). */
export function parseUserSelect(select: string | undefined | null): SelectResult {
  // Without $select, Graph tracks every property but returns its default set.
  if (!select) return { ok: true, props: defaultUserSelect, mask: ALL_USER_BITS };
  const byLower = new Map(Object.keys(userProperties).map((p) => [p.toLowerCase(), p]));
  const props: string[] = [];
  for (const raw of select.split(',')) {
    const name = raw.trim();
    if (!name) continue;
    const prop = byLower.get(name.toLowerCase());
    if (!prop) return { ok: false, unknown: name };
    if (!props.includes(prop)) props.push(prop);
  }
  if (!props.includes('id')) props.push('id');
  return { ok: true, props, mask: maskOf(props) };
}

function maskOf(props: string[]): number {
  return props.reduce((mask, p) => mask | (userProperties[p] ?? 0), 0);
}

/** The change bits between two versions of a user. */
export function changedMask(before: UserRecord, after: UserRecord): number {
  let mask = 0;
  if (before.displayName !== after.displayName) mask |= userProperties.displayName!;
  if (before.upn !== after.upn) mask |= userProperties.userPrincipalName! | userProperties.mail!;
  if (before.mailbox !== after.mailbox) mask |= userProperties.mail! | userProperties.mailboxSettings!;
  if (before.enabled !== after.enabled) mask |= userProperties.accountEnabled!;
  if (before.userType !== after.userType) mask |= userProperties.userType!;
  if (before.department !== after.department) mask |= userProperties.department!;
  if (before.jobTitle !== after.jobTitle) mask |= userProperties.jobTitle!;
  if (before.hireDate !== after.hireDate) mask |= userProperties.employeeHireDate!;
  if (before.lang !== after.lang) mask |= userProperties.preferredLanguage!;
  if (before.timeZone !== after.timeZone) mask |= userProperties.mailboxSettings!;
  if (before.managerId !== after.managerId) mask |= userProperties.manager!;
  return mask;
}

function nameParts(displayName: string): { givenName: string | null; surname: string | null } {
  const parts = displayName.trim().split(/\s+/);
  if (parts.length < 2) return { givenName: parts[0] ?? null, surname: null };
  return { givenName: parts.slice(0, -1).join(' '), surname: parts[parts.length - 1]! };
}

/** The Graph JSON for a user with the selected properties (`manager` is left to the caller). */
export function presentUser(user: UserRecord, props: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of props) {
    switch (prop) {
      case 'id':
        out.id = user.id;
        break;
      case 'displayName':
        out.displayName = user.displayName;
        break;
      case 'givenName':
        out.givenName = nameParts(user.displayName).givenName;
        break;
      case 'surname':
        out.surname = nameParts(user.displayName).surname;
        break;
      case 'mail':
        out.mail = user.mailbox ? user.upn : null;
        break;
      case 'userPrincipalName':
        out.userPrincipalName = user.upn;
        break;
      case 'accountEnabled':
        out.accountEnabled = user.enabled;
        break;
      case 'userType':
        out.userType = user.userType;
        break;
      case 'department':
        out.department = user.department;
        break;
      case 'jobTitle':
        out.jobTitle = user.jobTitle;
        break;
      case 'employeeHireDate':
        out.employeeHireDate = user.hireDate;
        break;
      case 'createdDateTime':
        out.createdDateTime = user.created;
        break;
      case 'preferredLanguage':
        out.preferredLanguage = user.lang;
        break;
      case 'mailboxSettings':
        out.mailboxSettings = presentMailboxSettings(user);
        break;
      case 'businessPhones':
        out.businessPhones = [];
        break;
      case 'mobilePhone':
      case 'officeLocation':
      case 'usageLocation':
        out[prop] = prop === 'usageLocation' ? 'NO' : null;
        break;
      case 'manager':
        break;
    }
  }
  return out;
}

export function presentMailboxSettings(user: UserRecord): Record<string, unknown> {
  return {
    timeZone: user.timeZone ?? 'W. Europe Standard Time',
    language: { locale: user.lang ?? 'nb-NO', displayName: user.lang ?? 'nb-NO' },
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '16:00:00.0000000',
      timeZone: { name: user.timeZone ?? 'W. Europe Standard Time' },
    },
  };
}
