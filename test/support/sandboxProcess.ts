import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startChild, type Child } from '../../sandbox/child.ts';
import { freePort } from '../../sandbox/ports.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// sandbox/start.ts prefixes each child's lines with its name.
const DRYPP_PREFIX = '[drypp] ';

export interface TestSandbox {
  child: Child;
  ports: {
    drypp: number;
    playground: number;
    simulator: number;
    teamsHost: number;
    blob: number;
    queue: number;
    table: number;
  };
  dataDir: string;
  readyLine: string;
  connectionString: string;
  /** Runs the drypp CLI against this sandbox's storage, as an admin would. */
  drypp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runs the tenant simulator's CLI (`npm run sim -- …`) against this sandbox's simulator. */
  sim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Every line Drypp logged in this run (its web and worker roles), for the personal-data scan. */
  dryppLogLines(): readonly string[];
  stop(): Promise<void>;
}

/** The sandbox exactly as `npm start` runs it, on free ports in a temporary folder. */
export async function startTestSandbox(env: Record<string, string> = {}): Promise<TestSandbox> {
  const ports = {
    drypp: await freePort(),
    playground: await freePort(),
    simulator: await freePort(),
    teamsHost: await freePort(),
    lrs: await freePort(),
    blob: await freePort(),
    queue: await freePort(),
    table: await freePort(),
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drypp-sandbox-e2e-'));
  let readyLine = '';
  const dryppLines: string[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const child = startChild(
    'sandbox',
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'sandbox/start.ts')],
    {
      cwd: repoRoot,
      env: {
        SANDBOX_DATA_DIR: dataDir,
        SANDBOX_DRYPP_PORT: String(ports.drypp),
        SANDBOX_PLAYGROUND_PORT: String(ports.playground),
        SANDBOX_TENANT_SIMULATOR_PORT: String(ports.simulator),
        SANDBOX_TEAMS_HOST_PORT: String(ports.teamsHost),
        SANDBOX_LRS_PORT: String(ports.lrs),
        SANDBOX_AZURITE_BLOB_PORT: String(ports.blob),
        SANDBOX_AZURITE_QUEUE_PORT: String(ports.queue),
        SANDBOX_AZURITE_TABLE_PORT: String(ports.table),
        // Drypp logs at the level production runs (info), so the personal-data scan reads what an
        // operator's log would hold. The lines are kept here, not printed.
        LOG_LEVEL: 'info',
        ...env,
      },
      echo: (line) => {
        if (line.startsWith(DRYPP_PREFIX)) dryppLines.push(line.slice(DRYPP_PREFIX.length));
        if (line.includes('Drypp sandbox is ready')) {
          readyLine = line;
          ready();
        }
      },
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.process.once('exit', () => reject(new Error(`the sandbox exited:\n${child.tail()}`))),
  );
  exited.catch(() => undefined); // only matters while starting
  await Promise.race([isReady, exited]);
  const connectionString =
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    `TableEndpoint=http://127.0.0.1:${ports.table}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${ports.queue}/devstoreaccount1;`;
  return {
    child,
    ports,
    dataDir,
    readyLine,
    connectionString,
    drypp: (args) =>
      run([path.join(repoRoot, 'bin/drypp.js'), ...args], {
        DRYPP_MODE: 'sandbox',
        DRYPP_STORAGE_CONNECTION_STRING: connectionString,
        ...env,
      }),
    sim: (args) =>
      run(['--import', 'tsx', path.join(repoRoot, 'sandbox/tenantSimulator/cli.ts'), ...args], {
        SIM_URL: `http://127.0.0.1:${ports.simulator}`,
      }),
    dryppLogLines: () => dryppLines,
    async stop() {
      await child.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const cli = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    cli.stdout.on('data', (d) => (stdout += d));
    cli.stderr.on('data', (d) => (stderr += d));
    cli.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
