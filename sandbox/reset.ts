import fs from 'node:fs/promises';
import { isPortInUse } from './ports.ts';
import { sandboxDataDir, sandboxPorts } from './sandboxSettings.ts';

/** `npm run sandbox:reset`: wipes the sandbox's stored data. Refuses while the sandbox is running. */
async function reset(): Promise<void> {
  if (await isPortInUse(sandboxPorts.azurite.table)) {
    process.stderr.write(
      `The sandbox seems to be running (something answers on port ${sandboxPorts.azurite.table}). Stop it with Ctrl-C first.\n`,
    );
    process.exit(1);
  }
  await fs.rm(sandboxDataDir, { recursive: true, force: true });
  process.stdout.write(`Sandbox data wiped (${sandboxDataDir}).\n`);
}

await reset();
