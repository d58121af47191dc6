import type { TenantState } from './tenantState.ts';

/**
 * Bulk seeding for benchmarks: N plausible people of an established organisation (created months
 * or years ago, so a first sync does not take them for new hires), one manager per 25 people,
 * one in ten a frontline account without a mailbox. Quick and small: 100,000 people in about a
 * second. No change notifications are sent for them.
 */

const FIRST = [
  'Ola',
  'Kari',
  'Maja',
  'Jonas',
  'Ingrid',
  'Lars',
  'Nora',
  'Emil',
  'Sara',
  'Henrik',
  'Ida',
  'Per',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Berg',
  'Haugen',
  'Bakke',
];
const DEPARTMENTS: Array<[string, string]> = [
  ['Helse og omsorg', 'Sykepleier'],
  ['Helse og omsorg', 'Helsefagarbeider'],
  ['Oppvekst', 'Lærer'],
  ['Oppvekst', 'Barnehagelærer'],
  ['Teknisk', 'Ingeniør'],
  ['HR', 'HR-rådgiver'],
  ['IT', 'IT-konsulent'],
  ['Økonomi', 'Controller'],
];
const MANAGER_EVERY = 25;
const DAY_MS = 86_400_000;

export interface SeedSummary {
  added: number;
  total: number;
}

export function seedBulkUsers(tenant: TenantState, count: number, now: Date): SeedSummary {
  const start = tenant.users.length;
  let managerId: string | undefined;
  for (let i = 0; i < count; i++) {
    const n = start + i;
    const first = FIRST[n % FIRST.length]!;
    const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
    const [department, jobTitle] = DEPARTMENTS[n % DEPARTMENTS.length]!;
    const isManager = i % MANAGER_EVERY === 0;
    // 30 days to 10 years ago, spread evenly and the same on every run.
    const created = new Date(now.getTime() - (30 + ((n * 7919) % 3620)) * DAY_MS).toISOString();
    const user = tenant.addUser(
      {
        displayName: `${first} ${last}`,
        userPrincipalName: `${first}.${last}.${n}@${tenant.domain}`.toLowerCase(),
        department,
        jobTitle: isManager ? 'Enhetsleder' : jobTitle,
        manager: isManager ? undefined : managerId,
        employeeHireDate: created,
        createdDateTime: created,
        preferredLanguage: n % 20 === 0 ? 'en-US' : 'nb-NO',
        mailbox: n % 10 !== 9,
        timeZone: 'W. Europe Standard Time',
      },
      { notify: false },
    );
    if (isManager) managerId = user.id;
  }
  return { added: count, total: tenant.users.filter((u) => !u.removed).length };
}
