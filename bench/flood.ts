import { startTestAzurite } from '../test/support/azurite.ts';
import { Cleanup } from './support/cleanup.ts';
import { cpuMeter } from './support/cpuTime.ts';
import { startDryppProcess } from './support/dryppProcess.ts';
import { machine, progress, publishResult } from './support/results.ts';

/**
 * `npm run bench -- flood [--requests N] [--items N]`: what one unauthenticated caller can do to the
 * Graph notification endpoint. Drypp runs in its own process (web role, directory sync configured
 * with notifications, nothing behind it); the bench posts N bodies of `items` empty notifications
 * one after another while it asks /healthz every 10 ms, and reports how long the health answers
 * took (the event loop's freedom), the flood requests' statuses and times, and Drypp's CPU.
 */
const usage = 'Usage: npm run bench -- flood [--requests 20] [--items 300000]';
const tenantId = '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30';

export async function main(args: string[]): Promise<number> {
  const options = { requests: 20, items: 300_000 };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/, '');
    const value = Number(args[i + 1]);
    if ((key !== 'requests' && key !== 'items') || !Number.isInteger(value) || value < 1) {
      process.stderr.write(`${usage}\n`);
      return 1;
    }
    options[key] = value;
  }
  const cleanup = new Cleanup();
  const hardLimit = setTimeout(() => {
    progress('hard time limit (300 s) reached: stopping');
    void cleanup.run().finally(() => process.exit(1));
  }, 300_000);
  try {
    progress('starting a private Azurite and Drypp (web role) in its own process');
    const azurite = await startTestAzurite();
    cleanup.addChild(azurite.child);
    const drypp = await startDryppProcess({
      DRYPP_MODE: 'test',
      DRYPP_ROLES: 'web',
      LOG_LEVEL: 'info',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      DRYPP_TENANTS: tenantId,
      DRYPP_DIRECTORY_TENANTS: tenantId,
      DRYPP_GRAPH_CLIENT_ID: '6a1d5e3c-8f2b-4c7d-9e0a-3b4c5d6e7f80',
      DRYPP_GRAPH_CLIENT_SECRET: 'not-used-by-this-bench',
      DRYPP_AUTHORITY_HOST: 'http://127.0.0.1:9',
      DRYPP_GRAPH_BASE_URL: 'http://127.0.0.1:9',
      DRYPP_TEAMS_APP_CATALOG_ID: '2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
      DRYPP_PUBLIC_URL: 'http://127.0.0.1:9',
      DRYPP_GRAPH_CLIENT_STATE: 'flood-bench-client-state-value',
    });
    cleanup.addChild(drypp.child);
    const cpu = cpuMeter({ drypp: drypp.child.process.pid });
    const body = JSON.stringify({ value: Array.from({ length: options.items }, () => ({})) });
    // The health check alone first: what /healthz costs with nothing else going on (it asks storage
    // for one page of one table), so the figure during the flood can be read against it.
    const alone: number[] = [];
    for (let n = 0; n < 30; n++) {
      const started = performance.now();
      await (await fetch(`${drypp.url}/healthz`)).arrayBuffer();
      alone.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
    const health: number[] = [];
    const floods: Array<{ status: number; ms: number }> = [];
    let flooding = true;
    const prober = (async () => {
      while (flooding) {
        const started = performance.now();
        const res = await fetch(`${drypp.url}/healthz`);
        await res.arrayBuffer();
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const cpuBefore = cpu();
    for (let n = 0; n < options.requests; n++) {
      const started = performance.now();
      const res = await fetch(`${drypp.url}/api/graph/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      floods.push({ status: res.status, ms: Math.round(performance.now() - started) });
      progress(`flood ${n + 1}: ${res.status} in ${floods.at(-1)!.ms} ms`);
    }
    flooding = false;
    await prober;
    const cpuAfter = cpu();
    const quantiles = (samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
      return { samples: samples.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
    };
    publishResult('flood', {
      bench: 'flood',
      at: new Date().toISOString(),
      items: options.items,
      bodyBytes: body.length,
      floods,
      healthz: quantiles(health),
      healthzAlone: quantiles(alone),
      targetHealthzMs: 100,
      dryppCpuMs: (cpuAfter.drypp ?? 0) - (cpuBefore.drypp ?? 0),
      machine: machine(),
    });
    return floods.every((f) => f.status < 500) ? 0 : 1;
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}
