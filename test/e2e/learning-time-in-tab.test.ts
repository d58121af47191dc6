import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { openHostedTab } from '../support/teamsHost.ts';

/**
 * Learning time, end to end through the tabs: Alex (the Playground's user) asks in My learning, his
 * manager Adele sees his progress and the request in My team and approves it there; the answer
 * reaches Alex's chat in the Playground and the time is booked in his calendar in the simulator.
 */

let sandbox: TestSandbox;
let browser: Browser;
let chat: PlaygroundChat;
const [alex, , adele] = demoPeople;
const APPROVED_CARD = 'Learning time approved';

interface SimEvent {
  subject: string;
  start: { dateTime: string };
  end: { dateTime: string };
  transactionId: string | null;
}

async function alexsEvents(): Promise<SimEvent[]> {
  const res = await fetch(`http://127.0.0.1:${sandbox.ports.simulator}/_sim/events?user=${alex!.id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: SimEvent[] }).value;
}

beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await startTestSandbox();
  const enrolled = await sandbox.drypp([
    'enroll',
    '--user',
    alex!.userPrincipalName,
    '--program',
    'welcome-onboarding',
  ]);
  expect(enrolled.code, enrolled.stderr).toBe(0);
  chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
  await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await chat?.close();
  await browser?.close();
  await sandbox?.stop();
});

describe('learning time in the tabs', () => {
  it('a learner asks in My learning, the manager approves in My team, the card and the calendar follow', async () => {
    // Alex asks for 45 minutes for his program.
    const learner = await openHostedTab(browser, `http://127.0.0.1:${sandbox.ports.teamsHost}`, {
      user: alex!.id,
      tab: 'my-learning',
    });
    // The form starts at the browser's today; Chromium here runs in UTC and Alex lives in Oslo, so
    // around midnight the two disagree and the server (rightly) refuses a day already past in Oslo.
    // Ask for the day after tomorrow (UTC), a future day in every zone, so the test holds at any hour.
    const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await learner.tab.getByLabel('Day').fill(dayAfterTomorrow);
    await learner.tab.getByLabel('Minutes').fill('45');
    await learner.tab.getByRole('button', { name: 'Send to my manager' }).click();
    await learner.tab.getByText('Sent. Your manager gets a card').waitFor();
    await learner.tab.getByText('Waiting for your manager').waitFor();
    await learner.close();
    expect(await alexsEvents()).toEqual([]);

    // Adele sees Alex's progress, the request among what needs her, and the request itself.
    const manager = await openHostedTab(browser, `http://127.0.0.1:${sandbox.ports.teamsHost}`, {
      user: adele!.id,
      tab: 'my-team',
    });
    const row = manager.tab.getByTestId('team-people').getByRole('row', { name: /Alex Wilber/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Welcome to your new job: \d+\/\d+/);
    await manager.tab.getByText('Alex Wilber asks for learning time').waitFor();
    const request = manager.tab.getByRole('group', { name: /^Alex Wilber: 45 min on / });
    await request.waitFor();

    const cardsBefore = await chat.page.locator('.ac-adaptiveCard', { hasText: APPROVED_CARD }).count();
    await request.getByRole('button', { name: 'Approve' }).click();
    await manager.tab.getByText(/Alex Wilber: 45 min on .*: Approved/).waitFor();
    // Decided: the request has left the pending list.
    await expect.poll(() => request.count()).toBe(0);
    await manager.close();

    // The answer reaches Alex in the Playground.
    await expect
      // The worker's follow-up job books the calendar, then sends the card: on a loaded machine that
      // can take longer than one job interval, so wait generously (the count still decides).
      .poll(() => chat.page.locator('.ac-adaptiveCard', { hasText: APPROVED_CARD }).count(), {
        timeout: 90_000,
      })
      .toBeGreaterThan(cardsBefore);

    // And the 45 minutes are in his calendar, booked once.
    await expect.poll(async () => (await alexsEvents()).length, { timeout: 60_000 }).toBe(1);
    const [event] = await alexsEvents();
    const minutes = (Date.parse(event!.end.dateTime) - Date.parse(event!.start.dateTime)) / 60_000;
    expect(minutes).toBe(45);
    expect(event!.transactionId).toBeTruthy();
  }, 240_000);
});
