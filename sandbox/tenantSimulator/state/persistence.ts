import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SimulatorState, type SimulatorSecrets } from './state.ts';
import type {
  FaultKnobs,
  GroupRecord,
  InstallationRecord,
  SeedApp,
  SeedTeamsApp,
  SubscriptionRecord,
  UserRecord,
  EventRecord,
} from './types.ts';

/**
 * The simulator's optional data file: one JSON document with the whole simulated cloud, so the
 * sandbox keeps its directory (and its keys, so stored delta links and cached tokens stay valid)
 * across restarts. Written atomically (temporary file, then rename).
 */

interface TenantSnapshot {
  id: string;
  domain: string;
  displayName: string;
  apps: SeedApp[];
  teamsApps: SeedTeamsApp[];
  generation: number;
  users: UserRecord[];
  logIds: string[];
  logMasks: number[];
  groups: GroupRecord[];
  installations: InstallationRecord[];
  subscriptions: SubscriptionRecord[];
  /** Absent in data files from before calendars. */
  events?: EventRecord[];
}

interface Snapshot {
  version: 1;
  clockOffsetMs: number;
  faults: FaultKnobs;
  secrets: { signingKeyPem: string; kid: string; deltaSecret: string; tls?: { key: string; cert: string } };
  tenants: TenantSnapshot[];
}

export function saveState(state: SimulatorState, file: string): void {
  const { secrets } = state;
  const snapshot: Snapshot = {
    version: 1,
    clockOffsetMs: state.clockOffsetMs,
    faults: state.faults,
    secrets: {
      signingKeyPem: secrets.signingKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      kid: secrets.kid,
      deltaSecret: secrets.deltaSecret.toString('base64'),
      tls: secrets.tls,
    },
    tenants: [...state.tenants.values()].map((t) => ({
      id: t.id,
      domain: t.domain,
      displayName: t.displayName,
      apps: t.apps,
      teamsApps: t.teamsApps,
      generation: t.generation,
      users: t.users,
      logIds: t.logIds,
      logMasks: t.logMasks,
      groups: [...t.groups.values()],
      installations: [...t.installations.values()],
      subscriptions: [...t.subscriptions.values()],
      events: [...t.events.values()].flat(),
    })),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, file);
}

/** The state saved in `file`, or undefined when there is none yet. */
export function loadState(file: string, clock: () => Date): SimulatorState | undefined {
  if (!existsSync(file)) return undefined;
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  if (snapshot.version !== 1)
    throw new Error(`${file}: unknown data file version ${String(snapshot.version)}`);
  const secrets: SimulatorSecrets = {
    signingKey: createPrivateKey(snapshot.secrets.signingKeyPem),
    kid: snapshot.secrets.kid,
    deltaSecret: Buffer.from(snapshot.secrets.deltaSecret, 'base64'),
    tls: snapshot.secrets.tls,
  };
  const state = new SimulatorState(clock, snapshot.faults, secrets);
  state.clockOffsetMs = snapshot.clockOffsetMs;
  for (const t of snapshot.tenants) {
    const tenant = state.createTenant(t);
    tenant.generation = t.generation;
    for (const user of t.users) tenant.restoreUser(user);
    t.logIds.forEach((id, i) => {
      tenant.logIds.push(id);
      tenant.logMasks.push(t.logMasks[i]!);
    });
    for (const group of t.groups) tenant.groups.set(group.id, group);
    for (const installation of t.installations) tenant.installations.set(installation.id, installation);
    for (const subscription of t.subscriptions) tenant.subscriptions.set(subscription.id, subscription);
    for (const event of t.events ?? []) tenant.eventsOf(event.userId).push(event);
  }
  return state;
}

/** Saves at most once per `delayMs` after changes, and on flush(). */
export function autosave(state: SimulatorState, file: string, delayMs = 500): { flush(): void } {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    saveState(state, file);
  };
  state.onDirty = () => {
    timer ??= setTimeout(flush, delayMs);
    timer.unref();
  };
  return { flush };
}
