import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from '../../sandbox/child.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SimulatorProcess {
  child: Child;
  /** https://127.0.0.1:port (Graph and sign-in). */
  url: string;
  /** http://127.0.0.1:port (the /_sim controls). */
  httpUrl: string;
}

/** Starts bench/support/simulatorChild.ts and waits for its ready line. */
export async function startSimulatorProcess(options: {
  tenantId: string;
  certFile: string;
  timeoutMs?: number;
}): Promise<SimulatorProcess> {
  let ready: (urls: { url: string; httpUrl: string }) => void = () => undefined;
  const urls = new Promise<{ url: string; httpUrl: string }>((resolve) => (ready = resolve));
  const child = startChild(
    'simulator',
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'bench/support/simulatorChild.ts')],
    {
      cwd: repoRoot,
      env: { BENCH_SIM_TENANT_ID: options.tenantId, BENCH_SIM_CERT_FILE: options.certFile },
      echo: (line) => {
        const json = /^SIMULATOR_READY (.*)$/.exec(line)?.[1];
        if (json) ready(JSON.parse(json) as { url: string; httpUrl: string });
      },
    },
  );
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the simulator did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.process.once('exit', () => reject(new Error('the simulator exited while starting')));
  });
  try {
    const { url, httpUrl } = await Promise.race([urls, failed]);
    return { child, url, httpUrl };
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}:\n${child.tail()}`);
  } finally {
    clearTimeout(timer);
  }
}
