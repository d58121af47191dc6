import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { openHostedTab, type HostedTab } from '../support/teamsHost.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

/**
 * My team's actions, end to end: Alex (the Playground's user) does his first lesson and asks for
 * learning time; his manager Adele sees the week's activity in the chart (scanned with axe in the
 * three themes, with data in it), denies the request, sends a nudge and a thank-you, and each
 * reaches Alex's chat in the Playground as a new card (counted before each action, so an earlier
 * card cannot pass for it).
 */
let sandbox: TestSandbox;
let browser: Browser;
let chat: PlaygroundChat;
let host: string;
const [alex, , adele] = demoPeople;
const CARD_WAIT = { timeout: 90_000 }; // the worker's follow-up job sends some of them

beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await startTestSandbox();
  host = `http://127.0.0.1:${sandbox.ports.teamsHost}`;
  chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
  await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await chat?.close();
  await browser?.close();
  await sandbox?.stop();
});

/** Day 0's lesson is due at enrollment; before 04:00 in Oslo it would wait for the morning. */
async function startInOsloDaytime() {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  if (hour >= 4) return;
  const moved = await sandbox.drypp(['sandbox', 'clock', '--advance', `${5 - hour}h`]);
  expect(moved.code, moved.stderr).toBe(0);
}

async function openMyTeam(theme: 'default' | 'dark' | 'contrast' = 'default'): Promise<HostedTab> {
  const hosted = await openHostedTab(browser, host, { user: adele!.id, tab: 'my-team', theme });
  await hosted.tab.getByTestId('team-people').waitFor();
  return hosted;
}

/** The chart's figures, as its table for screen readers gives them: steps done per week. */
async function stepsInChart(hosted: HostedTab): Promise<number> {
  const cells = await hosted.tab.locator('table.visually-hidden td').allInnerTexts();
  return cells.reduce((sum, c) => sum + Number(c), 0);
}

describe('My team’s actions reach the person in Teams', () => {
  it('Alex does his first lesson and asks for learning time', async () => {
    const lesson = await chat.waitForNewCard(
      'Welcome!',
      async () => {
        await startInOsloDaytime();
        const enrolled = await sandbox.drypp([
          'enroll',
          '--user',
          alex!.userPrincipalName,
          '--program',
          'welcome-onboarding',
        ]);
        expect(enrolled.code, enrolled.stderr).toBe(0);
      },
      { timeout: 30_000 },
    );
    await chat.waitForNewCard('Done ✓', () => chat.clickCardButton('Mark as done', { card: lesson }));

    const learner = await openHostedTab(browser, host, { user: alex!.id, tab: 'my-learning' });
    await learner.tab.getByLabel('Day').waitFor();
    await learner.tab.getByLabel('Minutes').fill('30');
    await learner.tab.getByRole('button', { name: 'Send to my manager' }).click();
    await learner.tab.getByText('Sent. Your manager gets a card').waitFor();
    await learner.close();
  }, 120_000);

  it('shows the week’s activity in the chart, with no serious or critical violations in any theme', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      const hosted = await openMyTeam(theme);
      await expect.poll(() => hosted.tab.locator('html').getAttribute('data-theme')).toBe(theme);
      // The chart is loaded after the list; its data follows Alex's lesson once My team has it.
      await expect
        .poll(
          async () => {
            if ((await stepsInChart(hosted)) > 0) return true;
            await hosted.page.reload();
            await hosted.tab.getByTestId('team-people').waitFor();
            return false;
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe(true);
      await hosted.tab.locator('svg rect').first().waitFor();
      expect(await hosted.tab.getByText('No steps done in the last 12 weeks.').count()).toBe(0);
      const results = await new AxeBuilder({ page: hosted.page })
        .include('#tab')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad, theme).toEqual([]);
      await hosted.close();
    }
  }, 240_000);

  it('a deny in My team reaches Alex as a card', async () => {
    const manager = await openMyTeam();
    const request = manager.tab.getByRole('group', { name: /^Alex Wilber: 30 min on / });
    await request.waitFor();
    await chat.waitForNewCard(
      'Learning time not approved',
      async () => {
        await request.getByRole('button', { name: 'Deny' }).click();
        await manager.tab.getByText(/Alex Wilber: 30 min on .*: Denied/).waitFor();
      },
      CARD_WAIT,
    );
    await manager.close();
  }, 150_000);

  it('a nudge and a thank-you from Alex’s page reach him as cards', async () => {
    const manager = await openMyTeam();
    await manager.tab.getByRole('button', { name: 'Open Alex Wilber' }).click();
    await manager.tab.getByRole('heading', { name: 'Alex Wilber', level: 1 }).waitFor();

    await chat.waitForNewCard(
      'A friendly nudge',
      async () => {
        await manager.tab.getByRole('button', { name: 'Send a nudge' }).click();
        await manager.tab.getByText('Nudge sent.').waitFor();
      },
      CARD_WAIT,
    );

    const thanks = await chat.waitForNewCard(
      'A thank-you from Adele Vance',
      async () => {
        await manager.tab.getByRole('button', { name: 'Say thank you' }).click();
        await manager.tab.getByRole('button', { name: 'Well done, thank you!' }).click();
        await manager.tab.getByRole('button', { name: 'Send', exact: true }).click();
        await manager.tab.getByText('Thank-you sent.').waitFor();
      },
      CARD_WAIT,
    );
    expect(await thanks.innerText()).toContain('Well done, thank you!');
    expect(manager.problems()).toEqual([]);
    await manager.close();
  }, 200_000);
});

itLeavesNoPersonalDataInLogs(() => sandbox);
