import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/**
 * The Agents Playground's config file (`.m365agentsplayground.yml`, schema version 0.1.1, validated by the
 * Playground with additionalProperties: false). It decides who "you" are in the Playground (currentUser: the
 * `from` of every activity), the tenant id in conversation.tenantId / channelData.tenant.id, the bot's
 * id/name (`recipient`), and the conversation ids. Without a file the Playground uses the defaults below and
 * a random personal-chat id per start.
 */
export interface PlaygroundUser {
  /** Channel account id: activity.from.id. The Playground's own users use `user-id-N`. */
  id: string;
  name: string;
  /** Spelled this way in the Playground's schema. */
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** What callers give: a name and an object id suffice; the rest is derived. */
export type PlaygroundUserInput = Pick<PlaygroundUser, 'name' | 'aadObjectId'> & Partial<PlaygroundUser>;

export interface PlaygroundConfigOptions {
  tenantId?: string;
  /** users[0] is the signed-in user who types in the Playground; the rest are other people in the tenant. */
  users?: PlaygroundUserInput[];
  bot?: { id: string; name: string };
  /** Fix this to keep stored conversation references valid across Playground restarts. */
  personalChatId?: string;
  groupChatId?: string;
  teamId?: string;
}

// The Playground's built-in defaults (dist/index.js, defaultConfigFileContent). Note: these "GUIDs" are not
// well-formed (their last group has 13 or 14 digits), so code that validates UUIDs rejects them.
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const PLAYGROUND_BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' } as const;

function defaultUser(n: number, given: string, surname: string, mail: string): PlaygroundUser {
  return {
    id: `user-id-${n}`,
    name: `${given} ${surname}`,
    userPrincipleName: `${mail}@example.com`,
    aadObjectId: `00000000-0000-0000-0000-00000000000${20 + n}`,
    givenName: given,
    surname,
    email: `${mail}@example.com`,
  };
}

/** The default signed-in user: every activity's `from` is { id: 'user-id-0', name: 'Alex Wilber', aadObjectId }. */
export const PLAYGROUND_CURRENT_USER: PlaygroundUser = defaultUser(0, 'Alex', 'Wilber', 'alexw');
/** The five other default users (members of the default group chat and team). */
export const PLAYGROUND_OTHER_USERS: readonly PlaygroundUser[] = [
  defaultUser(1, 'Megan', 'Bowen', 'meganb'),
  defaultUser(2, 'Adele', 'Vance', 'adelev'),
  // The Playground's own file gives Isaiah upn isaiah@ but email isaiahl@; kept as shipped.
  { ...defaultUser(3, 'Isaiah', 'Langer', 'isaiahl'), userPrincipleName: 'isaiah@example.com' },
  defaultUser(4, 'Patti', 'Fernandez', 'pattif'),
  defaultUser(5, 'Lynne', 'Robbins', 'lynner'),
];
export const PLAYGROUND_TEAM = {
  id: 'team-id',
  name: 'My Team',
  aadGroupId: '00000000-0000-0000-0000-000000000031',
  channels: [{ id: 'channel-announcements-id', name: 'Announcements' }],
} as const;

/** The Playground insists on exactly five users besides the current one. */
const OTHER_USER_COUNT = 5;

export function completeUser(input: PlaygroundUserInput): PlaygroundUser {
  const [given = input.name, ...rest] = input.name.trim().split(/\s+/);
  const mail = `${given}${rest.length ? rest[rest.length - 1]![0] : ''}`
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, '');
  return {
    id: input.id ?? `29:${input.aadObjectId}`,
    name: input.name,
    userPrincipleName: input.userPrincipleName ?? input.email ?? `${mail}@example.com`,
    aadObjectId: input.aadObjectId,
    givenName: input.givenName ?? given,
    surname: input.surname ?? rest.join(' '),
    email: input.email ?? input.userPrincipleName ?? `${mail}@example.com`,
  };
}

/** Builds the config object (exported for tests that want to inspect it). */
export function buildPlaygroundConfig(options: PlaygroundConfigOptions = {}): Record<string, unknown> {
  const given = (options.users ?? []).map(completeUser);
  const currentUser = given[0] ?? PLAYGROUND_CURRENT_USER;
  const others = given.slice(1);
  if (others.length > OTHER_USER_COUNT) {
    throw new Error(
      `the Agents Playground takes at most ${OTHER_USER_COUNT + 1} users (got ${given.length})`,
    );
  }
  const taken = new Set([currentUser, ...others].flatMap((u) => [u.id, u.aadObjectId]));
  for (const filler of PLAYGROUND_OTHER_USERS) {
    if (others.length >= OTHER_USER_COUNT) break;
    if (!taken.has(filler.id) && !taken.has(filler.aadObjectId)) others.push(filler);
  }
  const ids = [currentUser, ...others].map((u) => u.id);
  if (new Set(ids).size !== ids.length)
    throw new Error(`Playground user ids must be unique: ${ids.join(', ')}`);
  const bot = options.bot ?? PLAYGROUND_BOT;
  if (bot.name.length > 42) throw new Error('the Playground limits the bot name to 42 characters');
  return {
    version: '0.1.1',
    tenantId: options.tenantId ?? PLAYGROUND_TENANT_ID,
    bot: { id: bot.id, name: bot.name },
    currentUser,
    users: others,
    personalChat: { id: options.personalChatId ?? randomUUID() },
    groupChat: { id: options.groupChatId ?? randomUUID(), name: 'Group Chat' },
    team: {
      ...PLAYGROUND_TEAM,
      id: options.teamId ?? PLAYGROUND_TEAM.id,
      channels: [...PLAYGROUND_TEAM.channels],
    },
  };
}

/**
 * Writes a `.m365agentsplayground.yml`. Point the Playground at it with startPlayground({ configFile }) (which
 * sets M365_AGENTS_PLAYGROUND_CONFIG_PATH), or name it `.m365agentsplayground.yml` in the Playground's cwd.
 */
export function writePlaygroundConfig(file: string, options: PlaygroundConfigOptions = {}): string {
  const config = buildPlaygroundConfig(options);
  mkdirSync(path.dirname(file), { recursive: true });
  const header = '# Written by sandbox/playgroundConfig.ts for the Microsoft 365 Agents Playground.\n';
  writeFileSync(file, header + YAML.stringify(config));
  return file;
}
