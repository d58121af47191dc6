import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from '../../sandbox/child.ts';
import { freePort } from '../../sandbox/ports.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Node's flags in production (package.json's start:web and start:worker, which the App Service runs):
 * a 64 MB young generation, since a My team call allocates several MB (200 people's rows parsed,
 * their figures, the answer's JSON) and the default 16 MB semi-space scavenged it about twice per
 * call: Drypp's CPU per call 33 → 19 ms in the tab-api bench. test/unit/production-node-flags.test.ts
 * keeps the two lists the same.
 */
export const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=64'];

export interface DryppProcess {
  child: Child;
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Drypp as it runs in production (`node <PRODUCTION_NODE_ARGS> --import tsx src/main.ts`), in its own
 * process so that its CPU is not shared with the load generator's event loop. Bot authentication is off (no app id).
 * `script` runs another server the same way (the invoke bench's stack floor, bench/support/stackFloor.ts).
 */
export async function startDryppProcess(
  env: Record<string, string>,
  options: { nodeArgs?: string[]; timeoutMs?: number; port?: number; script?: string } = {},
): Promise<DryppProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // A given port, when the bench must know Drypp's URL before it starts (e.g. DRYPP_PUBLIC_URL).
  const port = options.port ?? (await freePort());
  const child = startChild(
    'drypp',
    process.execPath,
    [
      ...PRODUCTION_NODE_ARGS,
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      options.script ?? 'src/main.ts',
    ],
    {
      cwd: repoRoot,
      env: {
        DRYPP_HOST: '127.0.0.1',
        PORT: String(port),
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        ...env,
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`Drypp exited while starting:\n${child.tail()}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(`Drypp did not answer /healthz within ${timeoutMs} ms:\n${child.tail()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // A process writing its CPU profile on exit (--cpu-prof) needs longer than the usual 5 s after a long run.
  const profiling = (options.nodeArgs ?? []).includes('--cpu-prof');
  return { child, port, url, stop: () => child.stop(profiling ? 60_000 : undefined) };
}
