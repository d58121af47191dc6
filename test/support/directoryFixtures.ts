import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { Writable } from 'node:stream';
import type { Composed } from '../../src/compose.ts';
import { DEFAULT_NEW_HIRE_POLICY } from '../../src/domain/directory/newHirePolicy.ts';
import { GraphAppInstaller } from '../../src/graph/appInstaller.ts';
import { GraphDirectoryReader } from '../../src/graph/directoryReader.ts';
import { GraphClients, type GraphSettings } from '../../src/graph/graphClients.ts';
import { TableDirectoryMirror } from '../../src/store/directory/directoryMirror.ts';
import { TableTimeZoneCheckStore } from '../../src/store/directory/timeZoneCheckStore.ts';
import { TableErasedPeople } from '../../src/store/privacy/erasedPeopleStore.ts';
import { TableSyncStateStore } from '../../src/store/directory/syncStateStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { noticeManager } from '../../src/usecases/directory/noticeManager.ts';
import type { SyncDeps } from '../../src/usecases/directory/syncDirectory.ts';
import {
  sandboxGraphApp,
  sandboxTeamsApp,
  startTenantSimulator,
  trustInThisProcess,
  type RunningSimulator,
  type SeedTenant,
} from '../../sandbox/tenantSimulator/index.ts';

/**
 * Directory sync against the tenant simulator: the simulator on a free port with https (trusted by
 * this process's fetch, which msal-node and the Graph client use), its controls, and SyncDeps built
 * from the test's composed stores and the real Graph adapters.
 */

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export async function startSimulator(
  tenants: SeedTenant[],
  options: { random?: () => number } = {},
): Promise<RunningSimulator> {
  const sim = await startTenantSimulator({ port: 0, https: true, tenants, random: options.random });
  await trustInThisProcess(sim.certificate!);
  return sim;
}

/** Calls a simulator control (`/_sim/...`) over plain http; anything but 2xx throws with the answer. */
export async function simControl<T = Record<string, unknown>>(
  sim: RunningSimulator,
  route: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const res = await fetch(`${sim.httpUrl}/_sim${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /_sim${route} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface SimSubscription {
  id: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
}

/** The simulator's live subscriptions and app installations for one tenant. */
export async function simTenantStatus(sim: RunningSimulator, tenantId: string) {
  const status = await simControl<{
    tenants: Array<{ id: string; installations: number; subscriptions: SimSubscription[] }>;
  }>(sim, '/status');
  const tenant = status.tenants.find((t) => t.id === tenantId);
  if (!tenant) throw new Error(`the simulator has no tenant ${tenantId}`);
  return tenant;
}

/** Whether the simulator recorded Drypp's app as installed for the user. */
export function isInstalledFor(sim: RunningSimulator, tenantId: string, userId: string): boolean {
  const tenant = sim.state.tenant(tenantId);
  return [...(tenant?.installations.values() ?? [])].some(
    (i) => i.userId === userId.toLowerCase() && i.teamsAppId === sandboxTeamsApp.id,
  );
}

export function graphSettingsFor(sim: RunningSimulator): GraphSettings {
  return {
    clientId: sandboxGraphApp.clientId,
    clientSecret: sandboxGraphApp.clientSecret,
    authorityHost: sim.url,
    graphBaseUrl: sim.url,
    scope: GRAPH_SCOPE,
  };
}

export interface DirectorySync {
  deps: SyncDeps;
  graph: GraphClients;
  syncState: TableSyncStateStore;
  mirror: TableDirectoryMirror;
  installer: GraphAppInstaller;
  timeZoneChecks: TableTimeZoneCheckStore;
}

/**
 * SyncDeps as composeDirectory builds them, on the test's stores: the manager's notice is the real
 * one, put on the outbound pipeline (a test that wants to see it sent runs a consumer,
 * inProcessOutbound, and remembers the manager's chat with a fake connector).
 */
export function directorySyncFor(
  composed: Composed,
  sim: RunningSimulator,
  options: { pageSize?: number } = {},
): DirectorySync {
  const { storage, deps } = composed;
  const graph = new GraphClients(graphSettingsFor(sim));
  const mirror = new TableDirectoryMirror(
    storage.table(tableNames.people),
    storage.table(tableNames.tenants),
    new TableManagerIndex(storage.table(tableNames.managerIndex)),
  );
  const syncState = new TableSyncStateStore(storage.table(tableNames.syncState));
  const timeZoneChecks = new TableTimeZoneCheckStore(storage.table(tableNames.timeZoneChecks));
  return {
    graph,
    timeZoneChecks,
    mirror,
    syncState,
    installer: new GraphAppInstaller(graph, sandboxTeamsApp.id, new URL(sim.url).origin),
    deps: {
      ...deps,
      reader: new GraphDirectoryReader(graph, options.pageSize),
      erased: new TableErasedPeople(storage.table(tableNames.erasedPeople)),
      mirror,
      syncState,
      timeZoneChecks,
      reachability: deps.reachability,
      rules: composed.rules,
      paths: composed.paths,
      newHirePolicy: DEFAULT_NEW_HIRE_POLICY,
      noticeManager: async (hire, programIds) => {
        await noticeManager(deps, hire, programIds);
      },
    },
  };
}

/** Polls until `probe` gives something truthy, or throws naming what never happened. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Proof that something did not happen: polls `holds` until `forMs` have passed after the cause and
 * throws the moment it stops holding (never a bare sleep followed by one look).
 */
export async function holdsFor(
  what: string,
  holds: () => Promise<boolean> | boolean,
  forMs: number,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + forMs;
  for (;;) {
    if (!(await holds())) throw new Error(`${what} stopped holding before ${forMs} ms had passed`);
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A log destination that keeps Drypp's JSON log lines, so a test can wait for one. */
export function logCollector(): { stream: Writable; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { stream, lines };
}

/** A dice for the simulator's fault knobs that the test switches: off, or every other call throttled. */
export function switchableDice(): { random: () => number; alternate(on: boolean): void; rolls(): number } {
  let alternating = false;
  let n = 0;
  return {
    random: () => (alternating ? (n++ % 2 === 0 ? 0 : 0.99) : Math.random()),
    alternate(on) {
      alternating = on;
      n = 0;
    },
    rolls: () => n,
  };
}
