import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isPortInUse } from '../../sandbox/ports.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { TableEnrollmentStore } from '../../src/store/learning/enrollmentStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';

/**
 * The sandbox exactly as `npm start` runs it (Azurite, Drypp, the Agents Playground), on free ports
 * in a temporary folder, with a person clicking through the Playground in headless Chromium.
 */

let sandbox: TestSandbox;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(); // first: a missing Chromium fails with how to install it
  sandbox = await startTestSandbox();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

describe('the sandbox, through the Agents Playground', () => {
  let chat: PlaygroundChat;

  it('says it is ready, with the Playground URL', () => {
    expect(sandbox.readyLine).toContain(`http://127.0.0.1:${sandbox.ports.playground}`);
  });

  it('answers /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${sandbox.ports.drypp}/healthz`);
    expect(res.status).toBe(200);
  });

  it('shows the welcome card when the chat opens', async () => {
    chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
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
    const connectionString = sandbox.connectionString;
    const store = new TableEnrollmentStore(
      new StorageClients({ kind: 'connectionString', connectionString }).table(tableNames.learnerProgress),
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
    expect(chat.problems().filter((p) => p.includes(`:${sandbox.ports.drypp}`))).toEqual([]);
    await chat.close();
  });

  it('stops every child process on Ctrl-C', async () => {
    sandbox.child.process.kill('SIGINT');
    await new Promise((resolve) => sandbox.child.process.once('exit', resolve));
    for (const port of [
      sandbox.ports.drypp,
      sandbox.ports.playground,
      sandbox.ports.queue,
      sandbox.ports.table,
    ]) {
      expect(await isPortInUse(port), `port ${port} still open`).toBe(false);
    }
  });
});
