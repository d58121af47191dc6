import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from '../child.ts';
import { freePort, waitForPort } from '../ports.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface LrsInstance {
  /** The xAPI endpoint: statements are at `${endpoint}statements`. */
  endpoint: string;
  key: string;
  secret: string;
  child: Child;
}

/** The sandbox's key and secret for its LRS: a local test account, not a secret. */
export const sandboxLrsAccount = { key: 'drypp-sandbox', secret: 'drypp-sandbox-lrs-secret' };

/**
 * Starts a real xAPI learning record store (Learning Locker's `xapi-statements`) on loopback, its
 * statements in memory: they are gone when it stops. See lrsProcess.mjs for how it is configured.
 */
export async function startLrs(
  options: { port?: number; key?: string; secret?: string; echo?: (line: string) => void } = {},
): Promise<LrsInstance> {
  const port = options.port ?? (await freePort());
  const key = options.key ?? sandboxLrsAccount.key;
  const secret = options.secret ?? sandboxLrsAccount.secret;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drypp-lrs-'));
  const child = startChild('lrs', process.execPath, [path.join(here, 'lrsProcess.mjs')], {
    env: { LRS_PORT: String(port), LRS_KEY: key, LRS_SECRET: secret, LRS_DATA_DIR: dataDir },
    echo: options.echo,
  });
  try {
    await waitForPort(port, 30_000);
  } catch (error) {
    await child.stop();
    throw new Error(`the learning record store did not start: ${(error as Error).message}\n${child.tail()}`);
  }
  return { endpoint: `http://127.0.0.1:${port}/xAPI/`, key, secret, child };
}
