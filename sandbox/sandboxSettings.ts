import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Addresses of the sandbox that `npm start` runs: all on loopback, the defaults documented in the
 * README. The SANDBOX_* variables exist so the end-to-end test can run a whole second sandbox on free
 * ports beside one that is already running.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const env = process.env;
const port = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

export const sandboxDataDir = env.SANDBOX_DATA_DIR ?? path.join(repoRoot, '.sandbox');

export const sandboxPorts = {
  drypp: port(env.SANDBOX_DRYPP_PORT, 3978),
  playground: port(env.SANDBOX_PLAYGROUND_PORT, 56150),
  tenantSimulator: port(env.SANDBOX_TENANT_SIMULATOR_PORT, 5880),
  teamsHost: port(env.SANDBOX_TEAMS_HOST_PORT, 3979),
  /** The learning record store (xAPI) that Drypp sends learning records to. */
  lrs: port(env.SANDBOX_LRS_PORT, 3980),
  azurite: {
    blob: port(env.SANDBOX_AZURITE_BLOB_PORT, 10000),
    queue: port(env.SANDBOX_AZURITE_QUEUE_PORT, 10001),
    table: port(env.SANDBOX_AZURITE_TABLE_PORT, 10002),
  },
};
