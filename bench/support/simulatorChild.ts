import {
  sandboxGraphApp,
  sandboxTeamsApp,
  startTenantSimulator,
} from '../../sandbox/tenantSimulator/index.ts';

/**
 * The tenant simulator in a process of its own, for benches that measure Drypp's memory and CPU
 * without the simulated cloud's (as in production, where Graph is elsewhere). One empty tenant with
 * Drypp's app registration and Teams app, https on a free loopback port, no data file; the bench
 * seeds it through /_sim/seed. Prints one line `SIMULATOR_READY {"url":…,"httpUrl":…}`; stops on SIGTERM.
 * Run by bench/support/simulatorProcess.ts: BENCH_SIM_TENANT_ID, BENCH_SIM_CERT_FILE.
 */
const tenantId = process.env.BENCH_SIM_TENANT_ID;
const certFile = process.env.BENCH_SIM_CERT_FILE;
if (!tenantId || !certFile) throw new Error('BENCH_SIM_TENANT_ID and BENCH_SIM_CERT_FILE must be set');

const sim = await startTenantSimulator({
  port: 0,
  host: '127.0.0.1',
  https: true,
  certFile,
  tenants: [
    {
      id: tenantId,
      domain: 'bench.example',
      displayName: 'Bench municipality',
      apps: [sandboxGraphApp],
      teamsApps: [sandboxTeamsApp],
    },
  ],
});
process.stdout.write(`SIMULATOR_READY ${JSON.stringify({ url: sim.url, httpUrl: sim.httpUrl })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void sim.stop().finally(() => process.exit(0));
  });
}
