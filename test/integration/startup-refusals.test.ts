import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs the server's entry point as a deployment would, and collects how it ended. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main.ts')], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    });
  });
}

describe('starting Drypp', () => {
  it('refuses to listen beyond loopback without a bot app id, exit 1 with a clear message', async () => {
    const { code, stderr } = await startServer({
      DRYPP_MODE: 'sandbox',
      DRYPP_HOST: '0.0.0.0',
      PORT: '0',
      DRYPP_ROLES: 'web',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Drypp cannot start');
    expect(stderr).toContain('DRYPP_HOST is not a loopback address, so MicrosoftAppId must be set');
  });

  it('refuses a production start that names no tenant', async () => {
    const { code, stderr } = await startServer({
      DRYPP_MODE: 'production',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret-value',
      DRYPP_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('DRYPP_TENANTS must list the tenant ids');
    expect(stderr).not.toContain('not-a-real-secret-value');
  });
});
