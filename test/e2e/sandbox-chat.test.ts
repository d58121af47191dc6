import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startChild, type Child } from '../../sandbox/child.ts';
import { freePort, isPortInUse } from '../../sandbox/ports.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { StorageClients } from '../../src/store/storageClients.ts';
import { TableEnrollmentStore } from '../../src/store/enrollmentStore.ts';
import { tableNames } from '../../src/store/tables.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';

/**
 * The sandbox exactly as `npm start` runs it (Azurite, Drypp, the Agents Playground), on free ports
 * in a temporary folder, with a person clicking through the Playground in headless Chromium.
 */

const repoRoot = path.resolve(import.meta.dirname, '../..');
let sandbox: Child;
let browser: Browser;
let ports: { drypp: number; playground: number; blob: number; queue: number; table: number };
let dataDir: string;
let readyLine = '';

beforeAll(async () => {
  browser = await launchChromium(); // first: a missing Chromium fails with how to install it
  ports = {
    drypp: await freePort(),
    playground: await freePort(),
    blob: await freePort(),
    queue: await freePort(),
    table: await freePort(),
  };
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drypp-sandbox-e2e-'));
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  sandbox = startChild(
    'sandbox',
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'sandbox/start.ts')],
    {
      cwd: repoRoot,
      env: {
        SANDBOX_DATA_DIR: dataDir,
        SANDBOX_DRYPP_PORT: String(ports.drypp),
        SANDBOX_PLAYGROUND_PORT: String(ports.playground),
        SANDBOX_AZURITE_BLOB_PORT: String(ports.blob),
        SANDBOX_AZURITE_QUEUE_PORT: String(ports.queue),
        SANDBOX_AZURITE_TABLE_PORT: String(ports.table),
        LOG_LEVEL: 'warn',
      },
      echo: (line) => {
        if (line.includes('Drypp sandbox is ready')) {
          readyLine = line;
          ready();
        }
      },
    },
  );
  const exited = new Promise<never>((_, reject) =>
    sandbox.process.once('exit', () => reject(new Error(`the sandbox exited:\n${sandbox.tail()}`))),
  );
  await Promise.race([isReady, exited]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the sandbox, through the Agents Playground', () => {
  let chat: PlaygroundChat;

  it('says it is ready, with the Playground URL', () => {
    expect(readyLine).toContain(`http://127.0.0.1:${ports.playground}`);
  });

  it('answers /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${ports.drypp}/healthz`);
    expect(res.status).toBe(200);
  });

  it('shows the welcome card when the chat opens', async () => {
    chat = await openPlaygroundChat(`http://127.0.0.1:${ports.playground}`, { browser });
    const card = await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
    expect(await card.innerText()).toContain('My learning');
  });

  it('shows the help card for help', async () => {
    await chat.send('help');
    const card = await chat.waitForCardText('What I can do');
    expect(await card.innerText()).toContain('my learning');
  });

  it('shows an honest empty state for my learning', async () => {
    await chat.send('my learning');
    await chat.waitForCardText('Nothing to learn just yet');
  });

  it('answers anything else with the help card', async () => {
    await chat.send('what is the lunch menu?');
    await chat.waitForCardText('I did not understand that');
  });

  it('opens my learning from the welcome card button', async () => {
    const before = await chat.page
      .locator('.ac-adaptiveCard', { hasText: 'Nothing to learn just yet' })
      .count();
    const welcome = await chat.waitForCardText('Welcome to Drypp');
    await chat.clickCardButton('My learning', { card: welcome });
    await expect
      .poll(() => chat.page.locator('.ac-adaptiveCard', { hasText: 'Nothing to learn just yet' }).count())
      .toBeGreaterThan(before);
  });

  it('shows an enrollment with its title and progress in my learning', async () => {
    const [you] = demoPeople;
    const connectionString =
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
      'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
      `TableEndpoint=http://127.0.0.1:${ports.table}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${ports.queue}/devstoreaccount1;`;
    const store = new TableEnrollmentStore(
      new StorageClients({ kind: 'connectionString', connectionString }).table(tableNames.enrollments),
    );
    await store.create({
      tenantId: demoTenant.id,
      userId: you!.id,
      programId: 'welcome-onboarding',
      programVersion: 1,
      status: 'active',
      enrolledAt: '2026-11-23T08:00:00.000Z',
      completedSteps: 3,
      totalSteps: 10,
      nextDueAt: '2026-11-27T08:00:00.000Z',
    });
    await chat.send('my learning');
    const card = await chat.waitForCardText('3 of 10 steps done');
    expect(await card.innerText()).toMatch(/Next item due 27 November/);
    expect(chat.problems().filter((p) => p.includes(`:${ports.drypp}`))).toEqual([]);
    await chat.close();
  });

  it('stops every child process on Ctrl-C', async () => {
    sandbox.process.kill('SIGINT');
    await new Promise((resolve) => sandbox.process.once('exit', resolve));
    for (const port of [ports.drypp, ports.playground, ports.queue, ports.table]) {
      expect(await isPortInUse(port), `port ${port} still open`).toBe(false);
    }
  });
});
