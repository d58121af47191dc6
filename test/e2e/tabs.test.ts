import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { launchChromium } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { openAdminTab, sendGuideline } from '../support/adminTab.ts';
import { addDays, dayIn } from '../../src/domain/certificates/calendarDays.ts';
import { TableCertificationStore } from '../../src/store/certificates/certificationStore.ts';
import { TableEnrollmentStore } from '../../src/store/learning/enrollmentStore.ts';
import { TableStepStore } from '../../src/store/learning/stepStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import {
  loopbackContext,
  openHostedTab,
  type HostedTab,
  type HostedTabOptions,
} from '../support/teamsHost.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

/**
 * The tabs in Chromium, framed by the sandbox's Teams host page (sandbox/teamsHost), which answers
 * the teams-js protocol and signs people in with tokens from the tenant simulator.
 */

let sandbox: TestSandbox;
let browser: Browser;
let host: string;
const [alex, megan, adele, , , lynne] = demoPeople; // learners, the HR admin, Alex's manager

beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await startTestSandbox();
  host = `http://127.0.0.1:${sandbox.ports.teamsHost}`;
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

describe('the tabs in the Teams host', () => {
  it('shows My learning with the Playground user’s program and progress', async () => {
    const hosted = await openHostedTab(browser, host, { user: alex!.id, tab: 'my-learning' });
    await hosted.tab.getByRole('heading', { name: 'My learning', level: 1 }).waitFor();
    const card = hosted.tab.getByRole('article', { name: 'Welcome to your new job' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/\d+ of \d+ steps done/);
    expect(await card.innerText()).toContain('Mandatory');
    expect(hosted.problems()).toEqual([]);
    await hosted.close();
  });

  it('speaks the Teams locale: Norwegian Bokmål and Swedish', async () => {
    for (const [locale, heading] of [
      ['nb-no', 'Min læring'],
      ['sv-se', 'Mitt lärande'],
    ] as const) {
      const hosted = await openHostedTab(browser, host, { user: alex!.id, tab: 'my-learning', locale });
      await hosted.tab.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await hosted.tab.locator('html').getAttribute('lang')).toBe(locale.slice(0, 2));
      await hosted.close();
    }
  });

  it('tells a person without reports that My team is for managers, and a non-admin that Admin is for HR', async () => {
    const team = await openHostedTab(browser, host, { user: lynne!.id, tab: 'my-team' });
    await team.tab.getByText('This tab is for managers').waitFor();
    expect(await team.tab.getByTestId('team-people').count()).toBe(0);
    await team.close();
    const admin = await openHostedTab(browser, host, { user: alex!.id, tab: 'admin' });
    await admin.tab.getByText('This tab is for HR').waitFor();
    await admin.close();
  });

  it('shows an error with a retry when the API fails, and loads on retry', async () => {
    const hosted = await openHostedTab(
      browser,
      host,
      { user: alex!.id, tab: 'my-learning' },
      async (context) => {
        let failures = 1;
        await context.route('**/api/tab/my-learning', (route) =>
          failures-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.continue(),
        );
      },
    );
    await hosted.tab.getByText('Something went wrong').waitFor();
    await hosted.tab.getByRole('button', { name: 'Try again' }).click();
    await hosted.tab.getByRole('article', { name: 'Welcome to your new job' }).waitFor();
    await hosted.close();
  });

  it('works by keyboard: a manager opens a person and goes back with Tab, Enter and Shift+Tab', async () => {
    const hosted = await openHostedTab(browser, host, { user: adele!.id, tab: 'my-team' });
    await hosted.tab.getByTestId('team-people').waitFor();
    const frame = hosted.page.frames().find((f) => f.url().includes('/tabs/my-team.html'))!;
    const focused = () =>
      frame.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('aria-label') || el?.id || el?.textContent || '';
      });
    await hosted.page.locator('#tab').focus();
    let steps = 0;
    while ((await focused()) !== 'Open Alex Wilber') {
      expect(++steps, 'Tab never reached Alex Wilber').toBeLessThan(40);
      await hosted.page.keyboard.press('Tab');
    }
    await hosted.page.keyboard.press('Enter');
    await hosted.tab.getByRole('heading', { name: 'Alex Wilber', level: 1 }).waitFor();
    await expect.poll(focused).toBe('person-heading');
    await hosted.page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe('Back to the team');
    await hosted.page.keyboard.press('Enter');
    await hosted.tab.getByRole('heading', { name: 'My team', level: 1 }).waitFor();
    await hosted.close();
  });

  it('follows a theme change that Teams pushes, without reloading', async () => {
    const hosted = await openHostedTab(browser, host, { user: adele!.id, tab: 'my-team' });
    const root = hosted.tab.locator('html');
    await hosted.tab.getByRole('heading', { name: 'My team', level: 1 }).waitFor();
    expect(await root.getAttribute('data-theme')).toBe('default');
    const background = () =>
      hosted.tab.locator('.tab-root').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await hosted.tab.locator('body').evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true));

    await hosted.page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => root.getAttribute('data-theme')).toBe('dark');
    expect(await background()).not.toBe(light);
    expect(
      await hosted.tab.locator('body').evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
    await hosted.close();
  });
});

/** Serious and critical WCAG 2.1 A/AA violations inside the framed tab, as `rule (impact): targets`. */
async function seriousViolations(hosted: HostedTab): Promise<string[]> {
  const results = await new AxeBuilder({ page: hosted.page })
    .include('#tab')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterFocusSentinel(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Fluent's focus manager (tabster) puts an empty `<i data-tabster-dummy aria-hidden="true">` at each
 * end of the page; once someone uses the keyboard they take tabindex 0, and axe's aria-hidden-focus
 * flags them. They are there on purpose: a sentinel that is focused moves the focus on at once, and
 * it is aria-hidden so that screen readers do not announce it. This is a documented false positive
 * (microsoft/tabster#288, and Fluent v9's known issues); Accessibility Insights leaves out exactly
 * these nodes for exactly this rule (microsoft/accessibility-insights-web#7605), and so do we.
 * Anything else aria-hidden and focusable, the tab's own root among them, is still reported.
 */
function isTabsterFocusSentinel(rule: string, html: string): boolean {
  return rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy=""[^>]*><\/i>$/.test(html);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const GUIDELINE = 'Fire safety in the care homes';
  beforeAll(async () => {
    // The Admin tab is scanned with data: a guideline sent to everyone, with its figures and rates.
    const admin = await openAdminTab(browser, host, megan!.id);
    await sendGuideline(admin, {
      title: GUIDELINE,
      body: 'Know your **nearest exit**.\n\n- Check the alarms\n- Keep corridors clear',
      expectCount: `${demoPeople.length} people will get it.`,
    });
    await admin.close();
    await seedCertificates();
    await seedWelcomeProgramDone();
  }, 120_000);

  const tabs: Array<{ tab: HostedTabOptions['tab']; user: string; ready: string; also?: string }> = [
    { tab: 'my-learning', user: alex!.id, ready: 'Welcome to your new job' },
    // My team with its certificates: Alex's running out within 30 days, Lynne's expired.
    { tab: 'my-team', user: adele!.id, ready: 'Team activity, last 12 weeks', also: 'team-certificates' },
  ];
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    for (const { tab, user, ready, also } of tabs) {
      it(`${tab} in the ${theme} theme has no serious or critical violations`, async () => {
        const hosted = await openHostedTab(browser, host, { user, tab, theme });
        await hosted.tab.getByText(ready, { exact: true }).first().waitFor();
        if (also) await hosted.tab.getByTestId(also).waitFor();
        await expect.poll(() => hosted.tab.locator('html').getAttribute('data-theme')).toBe(theme);
        expect(await seriousViolations(hosted)).toEqual([]);
        await hosted.close();
      });
    }

    it(`admin in the ${theme} theme has none: the list, a guideline's figures and rates, the form with its preview`, async () => {
      const hosted = await openHostedTab(browser, host, { user: megan!.id, tab: 'admin', theme });
      // The list first, then the theme: on a loaded machine the tab takes more than the poll's 1 s to start.
      const open = hosted.tab.getByRole('button', { name: `Open ${GUIDELINE}` });
      await open.waitFor();
      await expect.poll(() => hosted.tab.locator('html').getAttribute('data-theme')).toBe(theme);
      expect(await seriousViolations(hosted), 'the list').toEqual([]);

      await open.click();
      await hosted.tab.getByTestId('rates-department').waitFor();
      await hosted.tab.getByTestId('rates-manager').waitFor();
      expect(await seriousViolations(hosted), 'a guideline').toEqual([]);
      if (theme === 'default') {
        // A dialog asked and dismissed with the keyboard. While it closes, Fluent keeps the rest of
        // the tab aria-hidden (axe: aria-hidden-focus, serious); within a moment the tab must be
        // whole again, or a screen reader would find nothing after every dialog.
        await hosted.tab.getByRole('button', { name: 'Recall', exact: true }).click();
        const dialog = hosted.tab.locator('[role=dialog],[role=alertdialog]');
        await dialog.waitFor();
        await hosted.page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await expect
          .poll(() => hosted.tab.locator('#root').getAttribute('aria-hidden'), { timeout: 3_000 })
          .toBeNull();
        expect(await seriousViolations(hosted), 'after a dialog').toEqual([]);
      }

      await hosted.tab.getByRole('navigation').getByRole('button', { name: 'New guideline' }).click();
      await hosted.tab.getByLabel('Title (English)').fill('Preview only');
      await hosted.tab
        .getByLabel('Text (English)')
        .fill('With **bold** and a [link](https://intra.example).');
      await hosted.tab.getByTestId('card-preview').getByText('Preview only').waitFor({ timeout: 20_000 });
      // Sending with no audience chosen marks the problem beside the field: scanned with it.
      await hosted.tab.getByRole('radio', { name: 'Departments' }).check();
      await hosted.tab.getByRole('button', { name: 'Send', exact: true }).click();
      await hosted.tab.getByText('Choose who gets it', { exact: false }).first().waitFor();
      expect(await seriousViolations(hosted), 'the form').toEqual([]);

      // The organisation's certificates: figures, the chart of expiries by month, the rows, a filter.
      await hosted.tab.getByRole('navigation').getByRole('button', { name: 'Certificates' }).click();
      await hosted.tab.getByTestId('admin-certificates').getByText('Lynne Robbins').waitFor();
      await hosted.tab.getByTestId('cert-expiries-by-month').waitFor();
      await hosted.tab.getByLabel('Expiring within').selectOption('30');
      await expect
        .poll(() => hosted.tab.getByTestId('admin-certificates').locator('tbody tr').count())
        .toBe(1);
      await hosted.tab.locator('.fui-VerticalBarChart, svg').first().waitFor({ timeout: 20_000 });
      expect(await seriousViolations(hosted), 'certificates').toEqual([]);

      // The Effect view of the welcome program (Alex and the five who did it), in one theme only to
      // keep the run short: its tables and notes use the same tokens as the sections scanned in all
      // three. The figures are computed when the sandbox starts; "Refresh now" recomputes them.
      if (theme === 'default') {
        await hosted.tab.getByRole('navigation').getByRole('button', { name: 'Effect' }).click();
        const everyone = hosted.tab
          .getByTestId('effect-groups-table')
          .getByRole('row', { name: /^Everyone in the program/ });
        const everyoneText = async () => ((await everyone.count()) > 0 ? everyone.innerText() : '');
        await expect
          .poll(
            async () => {
              const text = await everyoneText();
              if (!/3 of 6/.test(text)) await hosted.tab.getByRole('button', { name: 'Refresh now' }).click();
              return text;
            },
            { timeout: 45_000, interval: 250 },
          )
          .toMatch(/^Everyone in the program\s+6\s+3 of 6 \(50%\)/);
        // It opens on the one program with figures: the welcome program.
        expect(
          await hosted.tab
            .getByLabel('Program', { exact: true })
            .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
        ).toBe('Welcome to your new job');
        // Every department and manager here has fewer than five people: named, with no figure.
        expect(
          await hosted.tab
            .getByTestId('effect-groups-table')
            .getByRole('row', { name: /^Helse og omsorg/ })
            .innerText(),
        ).toMatch(/Fewer than five people: not shown, so no one can be identified\./);
        expect(
          await hosted.tab
            .getByTestId('effect-self-table')
            .getByRole('row', { name: /^I know where to find help/ })
            .innerText(),
        ).toMatch(/2\.0\s+4\.0\s+\+2\.0/);
        expect(
          await hosted.tab
            .getByTestId('effect-pulse-table')
            .getByRole('row', { name: /^Welcome!/ })
            .innerText(),
        ).toMatch(/80%\s+2 comments/);
        // The CSV comes through the tab's API client, with the token: the same figures.
        const [download] = await Promise.all([
          hosted.page.waitForEvent('download'),
          hosted.tab.getByRole('button', { name: 'Download CSV' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('drypp-effect.csv');
        const csv = await readFile(await download.path(), 'utf8');
        expect(csv).toMatch(/^Welcome to your new job,program,Welcome to your new job,6,6,50,/m);
        expect(csv).toMatch(/^Welcome to your new job,department,Helse og omsorg,fewer than 5,/m);
        await hosted.tab.getByTestId('effect-weekly-table').waitFor();
        await hosted.tab.locator('#effect-weekly ~ * svg').first().waitFor({ timeout: 20_000 });
        expect(await seriousViolations(hosted), 'effect').toEqual([]);
      }
      await hosted.close();
    });
  }
});

/** Certificates in the sandbox's storage: Alex's smoke diving runs out in 20 days, Lynne's expired. */
async function seedCertificates(): Promise<void> {
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: sandbox.connectionString,
  });
  const store = new TableCertificationStore(
    storage.table(tableNames.certifications),
    storage.table(tableNames.certificationSchedule),
    storage.table(tableNames.certificateCodes),
  );
  const today = dayIn(new Date(), 'Europe/Oslo');
  for (const [who, validUntil] of [
    [alex!, addDays(today, 20)],
    [lynne!, addDays(today, -3)],
  ] as const) {
    const certifiedOn = addDays(validUntil, -365);
    await store.create({
      tenantId: demoTenant.id,
      userId: who.id,
      certificationId: 'smoke-diving',
      assignedOn: addDays(certifiedOn, -10),
      dueOn: addDays(certifiedOn, 50),
      status: 'certified',
      cycles: [
        {
          n: 1,
          certifiedOn,
          validUntil,
          basis: 'first',
          via: 'program',
          programId: 'smoke-diving-course',
          certificationVersion: 1,
        },
      ],
      checkedThrough: today,
      assignedBy: 'test',
      rulesVersion: 1,
    });
  }
}

/**
 * The welcome program done by the five other demo people, as the chat would have stored it: they
 * rated where they started and where they are now, took the first quiz (wrong once, then right),
 * and said whether the welcome was useful. Three finished. With Alex, six are in the program.
 */
async function seedWelcomeProgramDone(): Promise<void> {
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: sandbox.connectionString,
  });
  const enrollments = new TableEnrollmentStore(storage.table(tableNames.learnerProgress));
  const steps = new TableStepStore(storage.table(tableNames.learnerProgress));
  const ratings = (r: number) =>
    JSON.stringify({ ratings: { 'finding-help': r, 'digital-tools': r, 'spotting-phishing': r } });
  const at = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const others = demoPeople.filter((p) => p.id !== alex!.id);
  await Promise.all(
    others.map(async (person, i) => {
      const finished = i < 3;
      const base = { tenantId: demoTenant.id, userId: person.id, programId: 'welcome-onboarding' };
      await enrollments.create({
        ...base,
        programVersion: 3,
        status: finished ? 'completed' : 'active',
        enrolledAt: new Date(Date.now() - 21 * 86_400_000).toISOString(),
        completedSteps: finished ? 13 : 6,
        totalSteps: 13,
        ...(finished ? { completedAt: at } : {}),
      });
      const step = (stepId: string, extra: object) =>
        steps.create({
          ...base,
          programVersion: 3,
          stepId,
          dueAt: at,
          status: 'done',
          sentAt: at,
          doneAt: at,
          remindersSent: 0,
          attempts: 1,
          ...extra,
        });
      await step('welcome', {
        pulseUseful: i !== 4,
        pulseAt: at,
        ...(i < 2 ? { pulseComment: 'Good to know who to ask' } : {}),
      });
      await step('where-you-start', { answer: ratings(2) });
      await step('digital-workplace-quiz', {
        attempts: 2,
        firstScore: 0.5,
        lastScore: 1,
        firstRight: JSON.stringify(['unexpected-sign-in', 'passphrase-habits']),
        lastRight: JSON.stringify([
          'unexpected-sign-in',
          'team-report-location',
          'passphrase-habits',
          'sharing-a-document',
        ]),
      });
      await step('where-you-are-now', { answer: ratings(4) });
    }),
  );
}

itLeavesNoPersonalDataInLogs(
  () => sandbox,
  ['Preview only', 'With **bold** and a [link](https://intra.example).'],
);
