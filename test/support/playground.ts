import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Drives the Agents Playground's web page in headless Chromium for end-to-end tests. Starting the
 * Playground itself lives in sandbox/playground.ts (the sandbox uses it too).
 */
export { startPlayground, type Playground, type PlaygroundOptions } from '../../sandbox/playground.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Thrown when Chromium is missing; its stack is just the message, so the test report shows the fix. */
export class ChromiumMissingError extends Error {
  constructor(executable: string) {
    super(
      `Chromium is not installed at ${executable}; the end-to-end tests drive it headless. ` +
        'Install it with: apt-get update && apt-get install -y chromium ' +
        '(or set CHROMIUM_PATH to an existing Chromium or Chrome binary).',
    );
    this.name = 'ChromiumMissingError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
CHROMIUM_ARGS.push('--disable-background-networking', '--disable-component-update', '--disable-sync');

/** Headless Chromium from the system (never a downloaded one), with its profile dirs kept out of $HOME. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError(CHROMIUM_PATH);
  const home = mkdtempSync(path.join(os.tmpdir(), 'drypp-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: `${home}/config`, XDG_CACHE_HOME: `${home}/cache` },
  });
  browser.once('disconnected', () => rmSync(home, { recursive: true, force: true }));
  return browser;
}

// Selectors. The page has no list roles; each message is a div whose first child is labelled "Message header",
// and only bot messages carry a "Message author" in that header. Cards are rendered by the adaptivecards
// library, whose ac-* class names are part of its public styling contract.
const MESSAGE = 'div:has(> [aria-label="Message header"])';
const BOT_MESSAGE = 'div:has(> [aria-label="Message header"] [aria-label="Message author"])';
const MESSAGE_BODY = ':scope > :not([aria-label="Message header"])';
const CARD = '.ac-adaptiveCard';

export interface PlaygroundChat {
  page: Page;
  /** Types into the compose box and clicks Send; resolves once the message shows in the chat. */
  send(text: string): Promise<void>;
  /** Every message (the user's and the bot's) in order; bot messages only with botMessages(). */
  messages(): Locator;
  botMessages(): Locator;
  /** Waits for a bot message containing the text (or matching the pattern) and returns it. */
  waitForBotMessage(text: string | RegExp, options?: { timeout?: number }): Promise<Locator>;
  lastBotMessageText(): Promise<string>;
  /**
   * Waits for an Adaptive Card containing the text and returns the last such card. Only for a card
   * that comes without an action of the test (the welcome when the chat opens); after an action use
   * waitForNewCard, so that an earlier card with the same text cannot satisfy the wait.
   */
  waitForCardText(text: string | RegExp, options?: { timeout?: number }): Promise<Locator>;
  /**
   * Counts the cards containing the text, runs `action` (a message, a click, a CLI command), and waits
   * for one more such card than before: a new card, or a clicked card replaced by one with the text.
   */
  waitForNewCard(
    text: string | RegExp,
    action: () => Promise<unknown>,
    options?: { timeout?: number },
  ): Promise<Locator>;
  /** Clicks the button with this title on the last card that has one (Action.Execute, Submit, ...). */
  clickCardButton(title: string, options?: { card?: Locator }): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Page errors and failed loopback requests seen so far, for assertion messages. */
  problems(): string[];
  close(): Promise<void>;
}

export async function openPlaygroundChat(
  url: string,
  options: { browser?: Browser; timeout?: number } = {},
): Promise<PlaygroundChat> {
  const ownBrowser = !options.browser;
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const close = async () => {
    await context.close();
    if (ownBrowser) await browser.close();
  };
  context.setDefaultTimeout(options.timeout ?? 15_000);
  // The page asks a CDN for Segoe UI fonts and an animation worklet; fail those at once instead of waiting on DNS.
  await context.route(
    (u) => !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(u.href),
    (r) => r.abort(),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`)));
  const composeBox = page.locator('[role="textbox"][data-lexical-editor="true"]');
  try {
    // On every load the page posts /_debug/conversation/{id}/installation, which makes the Playground send the
    // bot installationUpdate (action "add") then conversationUpdate (membersAdded: user and bot).
    const installation = /\/_debug\/conversation\/[^/]+\/installation$/;
    const installed = page.waitForResponse((r) => installation.test(r.url()), { timeout: 60_000 });
    installed.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await composeBox.waitFor({ timeout: 60_000 }); // the 9 MB bundle takes ~7 s to load and run
    await installed;
  } catch (error) {
    await close();
    throw error;
  }

  const cards = () => page.locator(CARD);
  const chat: PlaygroundChat = {
    page,
    messages: () => page.locator(MESSAGE),
    botMessages: () => page.locator(BOT_MESSAGE),
    async send(text) {
      const before = await page.locator(MESSAGE).count();
      await composeBox.click();
      await composeBox.fill(text);
      await page.getByRole('button', { name: 'Send Message', exact: true }).click();
      await page.locator(MESSAGE).nth(before).waitFor();
    },
    async waitForBotMessage(text, opts) {
      const message = page
        .locator(BOT_MESSAGE)
        .filter({ has: page.locator(MESSAGE_BODY, { hasText: text }) });
      await message.last().waitFor({ timeout: opts?.timeout });
      return message.last();
    },
    async lastBotMessageText() {
      const last = page.locator(BOT_MESSAGE).last();
      return (await last.locator(MESSAGE_BODY).allInnerTexts()).join('\n').trim();
    },
    async waitForCardText(text, opts) {
      const card = cards().filter({ hasText: text }).last();
      await card.waitFor({ timeout: opts?.timeout });
      return card;
    },
    async waitForNewCard(text, action, opts) {
      const matching = cards().filter({ hasText: text });
      const before = await matching.count();
      await action();
      const card = matching.nth(before);
      await card.waitFor({ timeout: opts?.timeout });
      return card;
    },
    async clickCardButton(title, opts) {
      const scope =
        opts?.card ??
        cards()
          .filter({ has: page.getByRole('button', { name: title, exact: true }) })
          .last();
      await scope.getByRole('button', { name: title, exact: true }).last().click();
    },
    async screenshot(file) {
      await page.screenshot({ path: file, fullPage: true });
    },
    problems: () => [...problems],
    close,
  };
  return chat;
}
