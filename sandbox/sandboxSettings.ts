import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fixed addresses of the sandbox that `npm start` runs: all on loopback, all documented in the README. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sandboxDataDir = path.join(repoRoot, '.sandbox');

export const sandboxPorts = {
  drypp: 3978,
  playground: 56150,
  azurite: { blob: 10000, queue: 10001, table: 10002 },
} as const;
