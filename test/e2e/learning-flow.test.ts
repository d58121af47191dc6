import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';

/**
 * A learner's path through a short program in the Agents Playground, with an admin enrolling them
 * and moving the sandbox clock from the CLI: lesson → quiz → wrong answer with feedback →
 * the question returns later → reflection → completion, and "my learning" shows it.
 */
let sandbox: TestSandbox;
let browser: Browser;
let chat: PlaygroundChat;
const you = demoPeople[0]!;

beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await startTestSandbox({ DRYPP_CONTENT_DIR: 'test/fixtures/content' });
  chat = await openPlaygroundChat(`http://127.0.0.1:${sandbox.ports.playground}`, { browser });
  await chat.waitForCardText('Welcome to Drypp', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await chat?.close();
  await browser?.close();
  await sandbox?.stop();
});

async function advance(duration: string) {
  const moved = await sandbox.drypp(['sandbox', 'clock', '--advance', duration]);
  expect(moved.code, moved.stderr).toBe(0);
}

describe('learning in chat, through the Agents Playground', () => {
  it('enrolls the Playground user from the CLI and delivers the first lesson', async () => {
    const enrolled = await sandbox.drypp([
      'enroll',
      '--user',
      you.userPrincipalName,
      '--program',
      'e2e-short',
    ]);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    expect(enrolled.stdout).toContain('Enrolled');
    const lesson = await chat.waitForCardText('A first lesson', { timeout: 20_000 });
    expect(await lesson.innerText()).toContain('Mandatory');
    await chat.clickCardButton('Mark as done', { card: lesson });
    await chat.waitForCardText('Done ✓');
  });

  it('sends the quiz the next day; a wrong answer shows its feedback', async () => {
    await advance('30h');
    const quiz = await chat.waitForCardText('Where do you report a lost phone?', { timeout: 20_000 });
    await quiz.getByText('Nowhere, it will turn up').click();
    await chat.clickCardButton('Submit answers', { card: quiz });
    const result = await chat.waitForCardText('a lost phone must be reported at once');
    expect(await result.innerText()).toContain('come back');
  });

  it('sends the reflection, saves it, and completes the program', async () => {
    await advance('30h');
    const reflection = await chat.waitForCardText('What will you do differently tomorrow?', {
      timeout: 20_000,
    });
    await reflection.getByRole('textbox').fill('Lock my screen every time I leave.');
    await chat.clickCardButton('Save my reflection', { card: reflection });
    await chat.waitForCardText('Lock my screen every time I leave.');
    await chat.waitForCardText('You have completed Short test program', { timeout: 20_000 });
  });

  it('brings the missed question back later, and it can be answered right', async () => {
    await advance('50h');
    const review = await chat.waitForCardText('You missed this one last time', { timeout: 20_000 });
    await review.getByText('To IT support at once').click();
    await chat.clickCardButton('Submit answer', { card: review });
    await chat.waitForCardText('Right this time');
  });

  it('shows the completed program in my learning', async () => {
    await chat.send('my learning');
    const card = await chat.waitForCardText('3 of 3 steps done');
    expect(await card.innerText()).toContain('Completed');
    await chat.screenshot('build/e2e-learning-flow.png').catch(() => undefined);
  });
});
