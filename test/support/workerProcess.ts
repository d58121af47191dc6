import path from 'node:path';
import { startChild, type Child } from '../../sandbox/child.ts';
import { freePort } from '../../sandbox/ports.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Starts Drypp as a worker-only process on the given store, as production runs it (its own Node
 * process, so a test can SIGKILL it), with every hour of every day counted as working time and a
 * scheduler that looks every 200 ms, so due cards go out at once.
 */
export async function startWorkerProcess(
  connectionString: string,
  env: Record<string, string> = {},
): Promise<Child> {
  return startChild('worker', process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main.ts')], {
    cwd: repoRoot,
    env: {
      DRYPP_MODE: 'test',
      DRYPP_ROLES: 'worker',
      PORT: String(await freePort()),
      DRYPP_STORAGE_CONNECTION_STRING: connectionString,
      DRYPP_WORKING_HOURS: '00:00-23:59',
      DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
      DRYPP_MAX_CARDS_PER_DAY: '10',
      DRYPP_SCHEDULER_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
}
