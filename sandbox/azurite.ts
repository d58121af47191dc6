import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from './child.ts';
import { waitForPort } from './ports.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACCOUNT = 'devstoreaccount1';
// Azurite's published development key: not a secret.
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteInstance {
  connectionString: string;
  child: Child;
}

/** Starts the official Azure Storage emulator (tables and queues) on loopback. */
export async function startAzurite(options: {
  location?: string; // a folder for its data; in memory when omitted
  ports: { blob: number; queue: number; table: number };
  echo?: (line: string) => void;
  /** Added to the emulator's environment (the benchmarks load a lookup fix with NODE_OPTIONS). */
  env?: NodeJS.ProcessEnv;
}): Promise<AzuriteInstance> {
  const { ports } = options;
  const args = [
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(ports.blob),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(ports.queue),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(ports.table),
    '--skipApiVersionCheck',
    '--disableProductStyleUrl',
    '--disableTelemetry',
    '--silent',
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  const child = startChild('azurite', path.join(repoRoot, 'node_modules/.bin/azurite'), args, {
    echo: options.echo,
    env: options.env,
  });
  try {
    await Promise.all([waitForPort(ports.queue, 30_000), waitForPort(ports.table, 30_000)]);
  } catch (error) {
    await child.stop();
    throw new Error(`Azurite did not start: ${(error as Error).message}\n${child.tail()}`);
  }
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};` +
    `TableEndpoint=http://127.0.0.1:${ports.table}/${ACCOUNT};QueueEndpoint=http://127.0.0.1:${ports.queue}/${ACCOUNT};`;
  return { connectionString, child };
}
