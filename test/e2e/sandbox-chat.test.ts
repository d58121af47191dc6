import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isPortInUse } from '../../sandbox/ports.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

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
    const card = await chat.waitForNewCard('What I can do', () => chat.send('help'));
    expect(await card.innerText()).toContain('my learning');
  });

  it('shows an honest empty state for my learning', async () => {
    await chat.waitForNewCard('Nothing to learn just yet', () => chat.send('my learning'));
  });

  it('answers anything else with the help card', async () => {
    await chat.waitForNewCard('I did not understand that', () => chat.send('what is the lunch menu?'));
  });

  it('opens my learning from the welcome card button', async () => {
    const welcome = await chat.waitForCardText('Welcome to Drypp');
    await chat.waitForNewCard('Nothing to learn just yet', () =>
      chat.clickCardButton('My learning', { card: welcome }),
    );
  });

  it('shows an enrollment with its title and progress in my learning', async () => {
    // Enrolled from the CLI and the first lesson answered in the chat, as a person would.
    const lesson = await chat.waitForNewCard(
      'Step 1 of 12',
      async () => {
        const enrolled = await sandbox.drypp([
          'enroll',
          '--user',
          demoPeople[0]!.userPrincipalName,
          '--program',
          'welcome-onboarding',
        ]);
        expect(enrolled.code, enrolled.stderr).toBe(0);
      },
      { timeout: 20_000 },
    );
    await chat.waitForNewCard('Done ✓', () => chat.clickCardButton('Mark as done', { card: lesson }));
    const card = await chat.waitForNewCard(/1 of \d+ steps done/, () => chat.send('my learning'));
    const text = await card.innerText();
    expect(text).toContain('Welcome to your new job');
    expect(text).toMatch(/Next item due \d{1,2} [A-Z][a-z]+/);
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

itLeavesNoPersonalDataInLogs(() => sandbox, ['what is the lunch menu?']);
