import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startTenantSimulator } from '../sandbox/tenantSimulator/index.ts';
import { issueTabToken, tabTokenSchema } from '../sandbox/tenantSimulator/entra/tabTokens.ts';
import type { MyTeamResponse } from '../src/http/tabs/contract.ts';
import { StorageClients } from '../src/store/platform/storageClients.ts';
import { ensureStorage } from '../src/store/platform/tables.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { Cleanup } from './support/cleanup.ts';
import { cpuMeter } from './support/cpuTime.ts';
import { startDryppProcess } from './support/dryppProcess.ts';
import { wholeNumber } from './support/options.ts';
import { machine, progress, publishResult } from './support/results.ts';
import { summarize } from './support/stats.ts';
import { startTableProxy } from './support/tableProxy.ts';
import { summarizeTableCalls } from './support/tableProfile.ts';
import {
  benchContent,
  PROGRAMS,
  rebuildSummaries,
  seedOrganisation,
  seedProgress,
} from './support/tabApiSetup.ts';

/**
 * `npm run bench -- tab-api`: the My team call (GET /api/tab/my-team, with a real Teams SSO token)
 * for managers with 200 reports over three levels, five enrollments each, in Azurite; 10 managers
 * calling at once, each again as soon as its answer arrives. Drypp runs as its own process; the
 * simulator (JWKS and tokens) and Azurite as in the sandbox. Target: p95 ≤ 300 ms.
 */
const usage =
  'Usage: npm run bench -- tab-api [--managers 10] [--reports 200] [--calls 20] [--warmup 2] [--count-table-calls]\n' +
  '                                [--drypp-cpu-prof <dir>]';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TENANT = 'b3e1c2d4-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const TAB_CLIENT_ID = '9b2e4c6a-7d1f-4e3b-a5c8-0f1e2d3c4b5a';
const TARGET_P95_MS = 300;

export async function main(args: string[]): Promise<number> {
  let options: Options;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        managers: { type: 'string', default: '10' },
        reports: { type: 'string', default: '200' },
        calls: { type: 'string', default: '20' },
        warmup: { type: 'string', default: '2' },
        'count-table-calls': { type: 'boolean', default: false },
        'drypp-cpu-prof': { type: 'string' },
      },
    });
    options = {
      managers: wholeNumber('managers', values.managers, 1, 100),
      reports: wholeNumber('reports', values.reports, 29, 2000),
      calls: wholeNumber('calls', values.calls, 1, 1000),
      warmup: wholeNumber('warmup', values.warmup, 0, 100),
      countTableCalls: values['count-table-calls'],
      dryppCpuProf: values['drypp-cpu-prof'],
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 1;
  }
  const cleanup = new Cleanup();
  try {
    return await run(options, cleanup);
  } finally {
    await cleanup.run();
  }
}

interface Options {
  managers: number;
  reports: number;
  calls: number;
  warmup: number;
  /** Drypp talks to Azurite through a counting proxy (an extra hop: latency is then not comparable). */
  countTableCalls: boolean;
  /** Where Drypp writes its V8 CPU profile (bench/tools/cpuProfileSummary.ts reads it). */
  dryppCpuProf?: string;
}

async function run(options: Options, cleanup: Cleanup): Promise<number> {
  // Finds rows as Azure Table Storage does (a `PartitionKey eq` query reads its partition only).
  const azurite = await startBenchAzurite();
  cleanup.addChild(azurite.child);
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(storage);
  const content = await benchContent(repoRoot);

  progress(`seeding ${options.managers} managers × ${options.reports} reports, ${PROGRAMS} programs each`);
  const seedStarted = Date.now();
  const org = await seedOrganisation(storage, TENANT, options.managers, options.reports);
  const rows = await seedProgress(storage, TENANT, org, content.programs);
  progress(`seeded ${org.people} people and ${rows} progress rows in ${Date.now() - seedStarted} ms`);
  // Seeded straight into the tables, so My team's summaries are built as after an upgrade: a rebuild.
  const rebuildStarted = Date.now();
  await rebuildSummaries(storage, TENANT);
  const rebuildMs = Date.now() - rebuildStarted;
  progress(`built the team summaries in ${rebuildMs} ms`);
  let connectionString = azurite.connectionString;
  let proxy: Awaited<ReturnType<typeof startTableProxy>> | undefined;
  if (options.countTableCalls) {
    const tablePort = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString)?.[1]);
    proxy = await startTableProxy({ host: '127.0.0.1', port: tablePort });
    cleanup.add(() => proxy!.stop());
    connectionString = connectionString.replace(`:${tablePort}/`, `:${proxy.port}/`);
  }

  // Entra's stand-in: publishes the signing key and issues the managers' SSO tokens.
  const sim = await startTenantSimulator({
    port: 0,
    tenants: [
      {
        id: TENANT,
        domain: 'bench.example',
        apps: [{ clientId: TAB_CLIENT_ID, clientSecret: 'x', roles: [], sso: true }],
        users: org.managerIds.map((id, i) => ({
          id,
          displayName: `Manager ${i + 1}`,
          userPrincipalName: `${id}@bench.example`,
        })),
      },
    ],
  });
  cleanup.add(() => sim.stop());
  const tokens = org.managerIds.map((id) => {
    const outcome = issueTabToken(sim.state, sim.httpUrl, tabTokenSchema.parse({ user: id }));
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.token;
  });

  const drypp = await startDryppProcess(
    {
      DRYPP_MODE: 'test',
      DRYPP_ROLES: 'web',
      DRYPP_STORAGE_CONNECTION_STRING: connectionString,
      DRYPP_CONTENT_DIR: content.dir,
      DRYPP_TENANTS: TENANT,
      DRYPP_TAB_CLIENT_ID: TAB_CLIENT_ID,
      DRYPP_AUTHORITY_HOST: sim.httpUrl,
      LOG_LEVEL: 'info',
    },
    {
      nodeArgs: options.dryppCpuProf
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.dryppCpuProf)}`]
        : [],
    },
  );
  cleanup.addChild(drypp.child);

  const call = async (token: string): Promise<number> => {
    const started = performance.now();
    const res = await fetch(`${drypp.url}/api/tab/my-team`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const people = res.status === 200 ? (JSON.parse(text) as MyTeamResponse).people.length : undefined;
    if (people !== options.reports) {
      throw new Error(
        `my-team answered ${res.status} (${people} people): ${text.slice(0, 300)}\n${drypp.child.tail()}`,
      );
    }
    return ms;
  };
  // Every manager at once, each calling again as soon as its answer arrives.
  const round = async (calls: number) =>
    (
      await Promise.all(
        tokens.map(async (token) => {
          const samples: number[] = [];
          for (let i = 0; i < calls; i++) samples.push(await call(token));
          return samples;
        }),
      )
    ).flat();

  progress(`warming up (${options.warmup} calls per manager)`);
  await round(options.warmup);
  progress(`measuring (${options.calls} calls per manager, ${options.managers} at once)`);
  const callsBefore = proxy?.calls.length ?? 0;
  const started = Date.now();
  // CPU per call, each process apart: on a shared machine, CPU ms compare where wall times do not.
  const cpu = cpuMeter({ drypp: drypp.child.process.pid, azurite: azurite.child.process.pid });
  const samples = await round(options.calls);
  const cpuMs = cpu();
  const seconds = (Date.now() - started) / 1000;
  const tableCalls = proxy ? summarizeTableCalls(proxy.calls.slice(callsBefore), samples.length) : undefined;
  const latency = summarize(samples);
  publishResult('tab-api', {
    bench: 'tab-api',
    at: new Date().toISOString(),
    managers: options.managers,
    reports_per_manager: options.reports,
    levels: 3,
    enrollments_per_report: PROGRAMS,
    concurrent_managers: options.managers,
    calls: samples.length,
    calls_per_s: Math.round((samples.length / seconds) * 10) / 10,
    ...latency,
    target_p95_ms: TARGET_P95_MS,
    meets_target: latency.p95_ms <= TARGET_P95_MS,
    summaries_rebuild_ms: rebuildMs,
    cpu_ms_per_call: Object.fromEntries(
      Object.entries(cpuMs).map(([name, ms]) => [name, Math.round((ms / samples.length) * 10) / 10]),
    ),
    ...(tableCalls ? { table_calls: tableCalls, table_proxy: true } : {}),
    machine: machine(),
  });
  return 0;
}
