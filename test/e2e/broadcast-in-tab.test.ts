import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { broadcastFigure, openAdminTab, sendGuideline } from '../support/adminTab.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

/**
 * HR's broadcast of a guideline, end to end: Megan (HR) writes it in the Admin tab of the Teams host,
 * sees the real card in the preview and the audience's live count, and sends it to the whole demo
 * organisation with acknowledgement required; Alex (the Playground's user) gets the card and
 * acknowledges it; the Admin tab's count of acknowledgements moves; Megan's correction updates the
 * card in place in the Playground and asks Alex again.
 */

let sandbox: TestSandbox;
let browser: Browser;
let chat: PlaygroundChat;
const [alex, megan] = demoPeople;
// A title no other test sends, so no earlier card can satisfy a wait.
const TITLE = `Hand hygiene in home care ${Date.now().toString(36)}`;
const BODY =
  'Wash or disinfect your hands **before and after** every visit.\n\n- Use gloves for wound care\n- Keep nails short';
const CORRECTED = 'Disinfect your hands for **30 seconds** before and after every visit.';
const CHANGE_NOTE = 'Disinfect for 30 seconds';
const ACKNOWLEDGE = 'I have read and understood';

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

const guidelineCards = () => chat.page.locator('.ac-adaptiveCard', { hasText: TITLE });

describe('a guideline from the Admin tab to the chat and back', () => {
  it('HR sends it, the Playground user acknowledges, the count moves, and a correction updates the card', async () => {
    const admin = await openAdminTab(browser, `http://127.0.0.1:${sandbox.ports.teamsHost}`, megan!.id);
    await admin.tab.getByRole('navigation').getByRole('button', { name: 'New guideline' }).click();
    await admin.tab.getByLabel('Title (English)').fill(TITLE);
    await admin.tab.getByLabel('Text (English)').fill(BODY);

    // The preview is the real card, drawn by adaptivecards in the page, with Markdown as Teams shows it.
    const preview = admin.tab.getByTestId('card-preview');
    await preview.getByText(TITLE).waitFor({ timeout: 20_000 });
    expect(await preview.locator('strong', { hasText: 'before and after' }).count()).toBe(1);
    expect(await preview.locator('li').count()).toBe(2);
    await preview.getByRole('button', { name: ACKNOWLEDGE }).waitFor();

    // Sent to everyone (acknowledgement required is the default), after the live count and a confirmation.
    const cardsBefore = await guidelineCards().count();
    await sendGuideline(admin, {
      title: TITLE,
      body: BODY,
      expectCount: `${demoPeople.length} people will get it.`,
    });
    await admin.tab.getByText('Sent. Delivery has started').waitFor();
    expect(await broadcastFigure(admin, 'Recipients')).toBe(String(demoPeople.length));
    expect(await broadcastFigure(admin, 'Acknowledged')).toMatch(/^0 /);

    // Alex gets the card in the Playground and acknowledges it.
    await expect.poll(() => guidelineCards().count(), { timeout: 90_000 }).toBeGreaterThan(cardsBefore);
    await chat.clickCardButton(ACKNOWLEDGE, { card: guidelineCards().last() });
    await expect
      .poll(() => guidelineCards().last().innerText(), { timeout: 30_000 })
      .toMatch(/Acknowledged on/);

    // The Admin tab follows by itself: one acknowledgement, in the figures and in Alex's department.
    await expect
      .poll(() => broadcastFigure(admin, 'Acknowledged'), { timeout: 30_000 })
      .toMatch(/^1 \(\d+ %\)$/);
    await expect
      .poll(() =>
        admin.tab
          .getByTestId('rates-department')
          .getByRole('row', { name: /Helse og omsorg/ })
          .innerText(),
      )
      .toMatch(/1 of \d+/);

    // A correction: the same card is updated in place, says what changed and asks again.
    const cardsNow = await guidelineCards().count();
    await admin.tab.getByRole('button', { name: 'Correct', exact: true }).click();
    await admin.tab.getByLabel('Text (English)').fill(CORRECTED);
    await admin.tab.getByLabel('What changed').fill(CHANGE_NOTE);
    await admin.tab.getByRole('button', { name: 'Send the correction' }).click();
    await admin.tab.getByRole('alertdialog').getByRole('button', { name: 'Send the correction' }).click();
    await admin.tab.getByText(/Version 2 is going out/).waitFor();
    await expect.poll(() => guidelineCards().last().innerText(), { timeout: 90_000 }).toContain('30 seconds');
    const updated = guidelineCards().last();
    expect(await updated.innerText()).toContain(CHANGE_NOTE);
    expect(await updated.getByRole('button', { name: ACKNOWLEDGE }).count()).toBe(1);
    // Updated in place: no new card in the chat.
    expect(await guidelineCards().count()).toBe(cardsNow);
    expect(admin.problems()).toEqual([]);
    await admin.close();
  }, 300_000);
});

itLeavesNoPersonalDataInLogs(() => sandbox, [TITLE, BODY, CORRECTED, CHANGE_NOTE]);
