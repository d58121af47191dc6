import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';

/**
 * Drives the sandbox's Teams host page (sandbox/teamsHost) in headless Chromium: opens a tab for a
 * person in a theme and a language, and gives the framed tab as a FrameLocator.
 */
export interface HostedTab {
  page: Page;
  tab: FrameLocator;
  problems(): string[];
  close(): Promise<void>;
}

export interface HostedTabOptions {
  user: string;
  tab: 'my-learning' | 'my-team' | 'admin';
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
}

/** A browser context that never waits on the internet (teams-js asks a CDN for its origin list). */
export async function loopbackContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.route(
    (u) => !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(u.href),
    (r) => r.abort(),
  );
  return context;
}

export function hostUrl(base: string, options: HostedTabOptions): string {
  const q = new URLSearchParams({
    user: options.user,
    tab: options.tab,
    theme: options.theme ?? 'default',
    locale: options.locale ?? 'en-us',
  });
  return `${base}/?${q}`;
}

export async function openHostedTab(
  browser: Browser,
  base: string,
  options: HostedTabOptions,
  /** Before the page opens, e.g. to route a request to a failure. */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<HostedTab> {
  const context = await loopbackContext(browser);
  await prepare?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(hostUrl(base, options));
  return {
    page,
    tab: page.frameLocator('#tab'),
    problems: () => [...problems],
    close: () => context.close(),
  };
}
