import { createHash } from 'node:crypto';
import { demoHrAdminId, demoPeople, demoPersonalChatId, demoTenant } from '../../demoOrganisation.ts';
import type { SeedApp, SeedTeamsApp, SeedTenant } from './types.ts';

/**
 * The sandbox's demo organisation as a simulated tenant: the same people and object ids as the
 * Agents Playground's users (sandbox/demoOrganisation.ts), with their managers, plus Drypp's app
 * registration and its Teams app. None of it is a secret: it exists only on this machine.
 */

/** Drypp's app registration in the demo tenant, with the Graph permissions directory sync needs. */
export const sandboxGraphApp: SeedApp = {
  clientId: '6a1d5e3c-8f2b-4c7d-9e0a-3b4c5d6e7f80',
  clientSecret: 'drypp-sandbox-client-secret-not-a-secret',
  displayName: 'Drypp (sandbox)',
  roles: [
    'User.Read.All',
    'GroupMember.Read.All',
    'TeamsAppInstallation.ReadWriteForUser.All',
    'MailboxSettings.Read',
    'Calendars.ReadWrite',
  ],
};

/**
 * The tab's Entra app in the demo tenant (aad.manifest.json in Azure): Teams SSO tokens are issued
 * for it. The HR adviser holds the `Drypp.Admin` app role: the demo organisation's HR admin.
 */
export const sandboxTabApp: SeedApp = {
  clientId: '9b2e4c6a-7d1f-4e3b-a5c8-0f1e2d3c4b5a',
  clientSecret: 'drypp-sandbox-tab-secret-not-a-secret',
  displayName: 'Drypp tab SSO (sandbox)',
  roles: [],
  sso: true,
  userRoles: [{ userId: demoHrAdminId, role: 'Drypp.Admin' }],
};

/** Drypp in the demo tenant's Teams app catalog. */
export const sandboxTeamsApp: SeedTeamsApp = {
  id: '2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
  externalId: '0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a',
  displayName: 'Drypp',
  botId: 'drypp-sandbox-bot',
};

/** People of the demo organisation started before the sandbox existed. */
const EXISTING_SINCE = '2019-08-12T07:30:00.000Z';

export function seedFromDemoOrganisation(options: { omit?: string[] } = {}): SeedTenant {
  const omitted = new Set((options.omit ?? []).map((id) => id.toLowerCase()));
  const people = demoPeople.filter((p) => !omitted.has(p.id.toLowerCase()));
  const present = new Set(people.map((p) => p.id));
  const departments = [...new Set(people.map((p) => p.department))];
  return {
    id: demoTenant.id,
    domain: demoTenant.domain,
    displayName: demoTenant.name,
    apps: [sandboxGraphApp, sandboxTabApp],
    teamsApps: [sandboxTeamsApp],
    users: people.map((p, i) => ({
      id: p.id,
      displayName: p.displayName,
      userPrincipalName: p.userPrincipalName,
      department: p.department,
      jobTitle: p.jobTitle,
      manager: p.managerId && present.has(p.managerId) ? p.managerId : undefined,
      createdDateTime: EXISTING_SINCE,
      employeeHireDate: new Date(Date.parse(EXISTING_SINCE) + i * 41 * 86_400_000).toISOString(),
      preferredLanguage: p.preferredLanguage,
      timeZone: 'W. Europe Standard Time',
    })),
    groups: [
      { id: stableId('Alle ansatte'), displayName: 'Alle ansatte', members: people.map((p) => p.id) },
      ...departments.map((d) => ({
        id: stableId(d),
        displayName: d,
        members: people.filter((p) => p.department === d).map((p) => p.id),
      })),
    ],
  };
}

/** The same group id on every start, so rules that name a group keep working. */
function stableId(name: string): string {
  const hex = createHash('sha1').update(`${demoTenant.id}/group/${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Playground has one personal chat, with its signed-in user (the first demo person): an app
 * installed for that person gets that chat's id, so Drypp's proactive messages land there.
 */
export function demoChatIdFor(_tenantId: string, userId: string, app: SeedTeamsApp): string {
  if (userId.toLowerCase() === demoPeople[0]?.id.toLowerCase()) return demoPersonalChatId;
  return `19:${userId}_${app.botId ?? app.id}@unq.gbl.spaces`;
}
