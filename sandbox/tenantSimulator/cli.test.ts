import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from './testing.ts';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.stop());

describe('npm run sim', () => {
  it('hires through the running simulator, fails clearly on bad input or without a simulator', async () => {
    const [hired, bad, missing] = await Promise.all([
      run(['hire', '--name', 'Maja Berg', '--department', 'Nursing', '--manager', 'hanne@contoso.example'], {
        SIM_URL: sim.url,
      }),
      run(['seed', '--users', 'many', '--url', sim.url]),
      run(['leave', '--user', 'ola@contoso.example', '--url', 'http://127.0.0.1:1']),
    ]);
    expect(hired).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Hired Maja Berg <maja.berg@contoso.example>'),
    });
    expect(sim.state.tenant('contoso.example')!.liveUser('maja.berg@contoso.example')?.managerId).toBe(
      'c0000000-0000-4000-8000-000000000001',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('a whole number from 1 to 1000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The tenant simulator is not running at http://127.0.0.1:1');
  }, 30_000);
});
