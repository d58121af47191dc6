import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { startConnectorSimulator } from '../../sandbox/teamsConnector/server.ts';
import { TEAMS_TENANT_SENDS_PER_SECOND } from '../../src/domain/delivery/sendRate.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage } from '../../src/store/platform/tables.ts';
import { startTestAzurite } from '../support/azurite.ts';

/**
 * Three worker processes on one store send to one tenant as fast as they can for 10 s: together
 * they stay within the shared per-tenant rate, so the connector simulator, which enforces Teams'
 * 50 a second per tenant, never refuses one for the tenant limit.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tenantId = '55555555-5555-5555-5555-555555555555';
const perSecond = 45;
const durationMs = 10_000;

let azurite: AzuriteInstance;
beforeAll(async () => {
  azurite = await startTestAzurite();
  await ensureStorage(
    new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString }),
  );
});
afterAll(async () => {
  await azurite?.child.stop();
});

function runWorker(name: string, env: Record<string, string>): Promise<{ sent: number; refused: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'test/support/sendRateWorker.ts')],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env, WORKER_NAME: name },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as { sent: number; refused: number });
    });
  });
}

describe('the per-tenant send rate shared by three worker processes', () => {
  it('keeps their combined sends within the rate, so Teams never throttles the tenant', async () => {
    const connector = await startConnectorSimulator();
    try {
      const env = {
        STORAGE: azurite.connectionString,
        CONNECTOR_URL: connector.url,
        TENANT_ID: tenantId,
        SENDS_PER_SECOND: String(perSecond),
        DURATION_MS: String(durationMs),
        START_AT_MS: String(Date.now() + 8000), // all three start sending together, after tsx loads (slow on a busy machine)
      };
      const results = await Promise.all(['w1', 'w2', 'w3'].map((name) => runWorker(name, env)));

      const counters = connector.state.counters.snapshot();
      const observed = connector.state.counters.rateOf(tenantId);
      console.log(JSON.stringify({ perSecond, ...observed, workers: results }));
      expect(counters.refused.tenantLimit).toBe(0);
      expect(results.reduce((n, r) => n + r.refused, 0)).toBe(0);
      // Grants keep every second within 45; a send may arrive a few ms after its grant, never past Teams' 50.
      expect(observed.peakPerSecond).toBeLessThanOrEqual(TEAMS_TENANT_SENDS_PER_SECOND);
      expect(observed.sends).toBeLessThanOrEqual(perSecond * (durationMs / 1000 + 1));
      // Each worker got a real share, and together they used most of the rate (nobody starved it).
      for (const r of results) expect(r.sent).toBeGreaterThan(50);
      expect(observed.sends).toBeGreaterThan(0.6 * perSecond * (durationMs / 1000));
    } finally {
      await connector.stop();
    }
  }, 60_000);
});
