import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

/**
 * "New hires get course cards the day their account exists", end to end: the directory starts
 * without the Playground's user; `npm run sim -- hire` creates their account; Graph's change
 * notification, a delta round, the rules, the app install and Teams' installationUpdate follow, and
 * the first course card appears in the Playground. Then a hire reporting to them brings a manager card.
 */
let sandbox: TestSandbox;
let browser: Browser;
let chat: PlaygroundChat;
const [alex, , adele] = demoPeople;

beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await startTestSandbox({ SANDBOX_OMIT_PLAYGROUND_USER: '1' });
  chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
  await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await chat?.close();
  await browser?.close();
  await sandbox?.stop();
});

describe('a new hire, from account to first card', () => {
  it('delivers the first course card after the account is created', async () => {
    // How fast is the newhire benchmark's question (npm run bench -- newhire), not this test's.
    const first = await chat.waitForNewCard(
      'Step 1 of 12',
      async () => {
        const hired = await sandbox.sim([
          'hire',
          '--name',
          alex!.displayName,
          '--id',
          alex!.id,
          '--upn',
          alex!.userPrincipalName,
          '--language',
          'en-US',
          '--department',
          alex!.department,
          '--job-title',
          alex!.jobTitle,
          '--manager',
          adele!.userPrincipalName,
        ]);
        expect(hired.code, hired.stderr).toBe(0);
      },
      { timeout: 60_000 },
    );
    expect(await first.innerText()).toContain('Mandatory');
  });

  it('tells the manager when someone joins their team', async () => {
    const notice = await chat
      .waitForNewCard(
        'Maja Berg is joining your team',
        async () => {
          const hired = await sandbox.sim([
            'hire',
            '--name',
            'Maja Berg',
            '--department',
            'Helse og omsorg',
            '--manager',
            alex!.userPrincipalName,
          ]);
          expect(hired.code, hired.stderr).toBe(0);
        },
        { timeout: 60_000 },
      )
      .catch(async (error: unknown) => {
        await chat.screenshot('build/e2e-new-hire-failure.png');
        throw error;
      });
    expect(await notice.innerText()).toContain('Welcome to your new job');
  });

  it('shows where a person is on the way to their first card', async () => {
    const status = await sandbox.drypp(['people', 'status', '--user', alex!.userPrincipalName]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/first card delivered/i);
  });
});

itLeavesNoPersonalDataInLogs(() => sandbox);
