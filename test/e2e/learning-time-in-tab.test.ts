import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { localDay } from '../../src/domain/delivery/deliveryPolicy.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { openHostedTab } from '../support/teamsHost.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

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
const DAY = 86_400_000;

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
  chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
  await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
  // Enrolled once the chat is open and known, so the day-0 card goes straight to it.
  const enrolled = await sandbox.drypp([
    'enroll',
    '--user',
    alex!.userPrincipalName,
    '--program',
    'welcome-onboarding',
  ]);
  expect(enrolled.code, enrolled.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await chat?.close();
  await browser?.close();
  await sandbox?.stop();
});

describe('learning time in the tabs', () => {
  it('a learner asks in My learning, the manager approves in My team, the card and the calendar follow', async () => {
    // Alex asks for 45 minutes for his program. His browser's clock is three days behind, so its
    // date is never his today in Oslo: the form must start at the day the server names.
    const learner = await openHostedTab(
      browser,
      `http://127.0.0.1:${sandbox.ports.teamsHost}`,
      { user: alex!.id, tab: 'my-learning' },
      (context) => context.clock.setFixedTime(new Date(Date.now() - 3 * DAY)),
    );
    const today = localDay(new Date(), 'Europe/Oslo');
    const day = learner.tab.getByLabel('Day');
    await expect.poll(() => day.inputValue()).toBe(today);
    // A day already past in Oslo is refused in the words of the chat's form, under the field.
    await day.fill(localDay(new Date(Date.now() - DAY), 'Europe/Oslo'));
    await learner.tab.getByRole('button', { name: 'Send to my manager' }).click();
    await learner.tab.getByText('Choose today or a day ahead.').waitFor();
    await day.fill(today);
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

itLeavesNoPersonalDataInLogs(() => sandbox);
