import type { Browser } from 'playwright-core';
import { openHostedTab, type HostedTab } from './teamsHost.ts';

/**
 * Drives the Admin tab (tabs/src/pages/admin) in the sandbox's Teams host as an HR admin would:
 * open it, write a guideline, send it. Shared by the end-to-end and accessibility tests.
 */
export async function openAdminTab(browser: Browser, host: string, hrAdminId: string): Promise<HostedTab> {
  const admin = await openHostedTab(browser, host, { user: hrAdminId, tab: 'admin' });
  await admin.tab.getByRole('heading', { name: 'Guidelines sent', level: 2 }).waitFor();
  return admin;
}

export interface GuidelineToSend {
  title: string;
  body: string;
  /** The live count the form must show before sending, e.g. "6 people will get it.". */
  expectCount: string;
}

/** Writes an English guideline for everyone (acknowledgement required) and sends it; ends on its page. */
export async function sendGuideline(admin: HostedTab, guideline: GuidelineToSend): Promise<void> {
  await admin.tab.getByRole('navigation').getByRole('button', { name: 'New guideline' }).click();
  await admin.tab.getByLabel('Title (English)').fill(guideline.title);
  await admin.tab.getByLabel('Text (English)').fill(guideline.body);
  await admin.tab.getByRole('radio', { name: 'Everyone' }).check();
  await admin.tab
    .getByTestId('audience-count')
    .getByText(guideline.expectCount, { exact: true })
    .waitFor({ timeout: 20_000 });
  await admin.tab.getByRole('button', { name: 'Send', exact: true }).click();
  await admin.tab.getByRole('alertdialog').getByRole('button', { name: 'Send', exact: true }).click();
  // Creating it writes the broadcast and its audience: on a loaded machine that takes a while.
  await admin.tab.getByRole('heading', { name: guideline.title, level: 2 }).waitFor({ timeout: 45_000 });
}

/** The figure under a term of a broadcast's figures (Recipients, Sent, Acknowledged, …). */
export async function broadcastFigure(admin: HostedTab, term: string): Promise<string> {
  const figure = admin.tab
    .getByTestId('broadcast-figures')
    .locator('div')
    .filter({ has: admin.tab.locator('dt').getByText(term, { exact: true }) });
  return figure.locator('dd').innerText();
}
