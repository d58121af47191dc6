import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';

/**
 * HR broadcasts a guideline that asks for acknowledgement from the CLI; the Playground user gets the
 * card through the outbound pipeline, acknowledges it, and the card becomes "Acknowledged on …";
 * the broadcast's status counts the acknowledgement.
 */
let sandbox: TestSandbox;
let browser: Browser;
let chat: PlaygroundChat;
let file: string;
const you = demoPeople[0]!;

beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await startTestSandbox();
  chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
  await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drypp-guideline-'));
  file = path.join(dir, 'hygiene.md');
  await writeFile(
    file,
    '---\ntitle: Hand hygiene before every visit\n---\nWash your hands for **20 seconds**.\n',
  );
}, 180_000);

afterAll(async () => {
  await chat?.close();
  await browser?.close();
  await sandbox?.stop();
});

describe('a guideline broadcast, through the Agents Playground', () => {
  it('arrives, is acknowledged in place, and the acknowledgement is counted', async () => {
    let id = '';
    const card = await chat.waitForNewCard(
      'Hand hygiene before every visit',
      async () => {
        const sent = await sandbox.drypp([
          'broadcast',
          'send',
          '--file',
          file,
          '--audience',
          `user:${you.userPrincipalName}`,
          '--ack',
        ]);
        expect(sent.code, sent.stderr).toBe(0);
        id = /Broadcast ([0-9a-f-]{36})/.exec(sent.stdout)![1]!;
      },
      { timeout: 30_000 },
    );
    expect(await card.innerText()).toContain('I have read and understood');
    await chat.waitForNewCard(/Acknowledged on/, () =>
      chat.clickCardButton('I have read and understood', { card }),
    );
    const status = await sandbox.drypp(['broadcast', 'status', id, '--once']);
    expect(status.stdout).toContain('1 of 1 delivered');
    expect(status.stdout).toContain('1 acknowledged');
  }, 120_000);
});
