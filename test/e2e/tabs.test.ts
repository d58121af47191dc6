import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { loopbackContext } from '../support/teamsHost.ts';

/**
 * The tabs in Chromium, framed by the sandbox's Teams host page (sandbox/teamsHost), which answers
 * the teams-js protocol and signs people in with tokens from the tenant simulator.
 */

let sandbox: TestSandbox;
let browser: Browser;
const [alex] = demoPeople;

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
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

describe('the tabs outside Teams', () => {
  it('says to open them in Teams when opened straight in a browser', async () => {
    const context = await loopbackContext(browser);
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(`http://127.0.0.1:${sandbox.ports.drypp}/tabs/my-team.html`);
    await page.getByRole('heading', { name: 'Open this in Teams' }).waitFor({ timeout: 5_000 });
    // teams-js refuses at once without a parent window: no waiting for its 60 s timeout.
    expect(Date.now() - opened).toBeLessThan(5_000);
    await context.close();
  });

  it('says the same when framed by a page that never answers teams-js', async () => {
    const context = await loopbackContext(browser);
    const silentParent = `http://127.0.0.1:${sandbox.ports.drypp}/silent-parent-for-the-test`;
    await context.route(silentParent, (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>silent</title><iframe title="tab" src="/tabs/my-learning.html"></iframe>',
      }),
    );
    const page = await context.newPage();
    await page.goto(silentParent);
    await page
      .frameLocator('iframe')
      .getByRole('heading', { name: 'Open this in Teams' })
      .waitFor({ timeout: 15_000 });
    await context.close();
  });
});
