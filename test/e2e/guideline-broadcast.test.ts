import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoHrAdminId, demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';

/**
 * HR broadcasts a guideline that asks for acknowledgement from the CLI; the Playground user gets the
 * card through the outbound pipeline, acknowledges it, and the card becomes "Acknowledged on …";
 * the broadcast's status counts the acknowledgement; HR's correction (tab API) updates the card in place.
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
  it('arrives, is acknowledged in place, is counted, and a correction updates the card in the chat', async () => {
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

    // HR corrects it in the Admin tab's API: the card in the chat is updated in place.
    const tokenRes = await fetch(`http://127.0.0.1:${sandbox.ports.simulator}/_sim/tab-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: demoHrAdminId }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    await chat.waitForNewCard(
      /Updated \(version 2\): 30 seconds, not 20/,
      async () => {
        const res = await fetch(
          `http://127.0.0.1:${sandbox.ports.drypp}/api/tab/admin/broadcasts/${id}/corrections`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              draft: {
                variants: {
                  en: {
                    title: 'Hand hygiene before every visit',
                    body: 'Wash your hands for **30 seconds**.',
                  },
                },
                defaultLanguage: 'en',
                requiresAcknowledgement: true,
              },
              changeNote: '30 seconds, not 20',
            }),
          },
        );
        expect(res.status, await res.text()).toBe(200);
      },
      { timeout: 30_000 },
    );
  }, 120_000);
});

itLeavesNoPersonalDataInLogs(() => sandbox);
