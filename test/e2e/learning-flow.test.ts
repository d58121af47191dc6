import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { demoPeople } from '../../sandbox/demoOrganisation.ts';
import { launchChromium, openPlaygroundChat, type PlaygroundChat } from '../support/playground.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandboxProcess.ts';
import { itLeavesNoPersonalDataInLogs } from '../support/logsHoldNoPersonalData.ts';
import { openHostedTab } from '../support/teamsHost.ts';
import type { SessionRostersResponse } from '../../src/http/tabs/sessions/contract.ts';

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

/**
 * Day N's card is due at 09:00 on the learner's Nth local day, and the steps below move the clock by
 * 30 hours. Enrolled between midnight and 03:00 in Oslo (Alex's zone), 30 hours is not yet 09:00 the
 * next day. The sandbox is fresh (its clock is the real one), so move it past 04:00 Oslo time first:
 * the test then holds whatever hour CI runs it.
 */
async function startInOsloDaytime() {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  if (hour < 4) await advance(`${5 - hour}h`);
}

describe('learning in chat, through the Agents Playground', () => {
  it('enrolls the Playground user from the CLI and delivers the first lesson', async () => {
    const lesson = await chat.waitForNewCard(
      'A first lesson',
      async () => {
        await startInOsloDaytime();
        const enrolled = await sandbox.drypp([
          'enroll',
          '--user',
          you.userPrincipalName,
          '--program',
          'e2e-short',
        ]);
        expect(enrolled.code, enrolled.stderr).toBe(0);
        expect(enrolled.stdout).toContain('Enrolled');
      },
      { timeout: 20_000 },
    );
    expect(await lesson.innerText()).toContain('Mandatory');
    await chat.waitForNewCard('Done ✓', () => chat.clickCardButton('Mark as done', { card: lesson }));
  });

  it('sends the quiz the next day; a wrong answer shows its feedback', async () => {
    const quiz = await chat.waitForNewCard('Where do you report a lost phone?', () => advance('30h'), {
      timeout: 20_000,
    });
    await quiz.getByText('Nowhere, it will turn up').click();
    const result = await chat.waitForNewCard('a lost phone must be reported at once', () =>
      chat.clickCardButton('Submit answers', { card: quiz }),
    );
    expect(await result.innerText()).toContain('come back');
  });

  it('sends the reflection, saves it, and completes the program', async () => {
    const reflection = await chat.waitForNewCard(
      'What will you do differently tomorrow?',
      () => advance('30h'),
      { timeout: 20_000 },
    );
    await reflection.getByRole('textbox').fill('Lock my screen every time I leave.');
    // Saving shows the saved reflection in place of the card, then the program's completion card.
    // (The typed text alone would match the card it was typed into: wait for "Saved ✓".)
    let saved: Locator | undefined;
    await chat.waitForNewCard(
      'You have completed Short test program',
      async () => {
        saved = await chat.waitForNewCard('Saved ✓', () =>
          chat.clickCardButton('Save my reflection', { card: reflection }),
        );
      },
      { timeout: 20_000 },
    );
    expect(await saved!.innerText()).toContain('Lock my screen every time I leave.');
  });

  it('brings the missed question back later, and it can be answered right', async () => {
    const review = await chat.waitForNewCard('You missed this one last time', () => advance('50h'), {
      timeout: 20_000,
    });
    await review.getByText('To IT support at once').click();
    await chat.waitForNewCard('Right this time', () =>
      chat.clickCardButton('Submit answer', { card: review }),
    );
  });

  it('shows the completed program in my learning', async () => {
    const card = await chat.waitForNewCard('3 of 3 steps done', () => chat.send('my learning'));
    expect(await card.innerText()).toContain('Completed');
    await chat.screenshot('build/e2e-learning-flow.png').catch(() => undefined);
  });
});

describe('a live session and its certificate, in the same sandbox', () => {
  const drypp = (path: string, init?: RequestInit) =>
    fetch(`http://127.0.0.1:${sandbox.ports.drypp}${path}`, init);
  const isaiah = demoPeople.find((p) => p.userPrincipalName.startsWith('isaiahl@'))!;

  it('Alex books the drill in the card, and the invitation is in his calendar in the simulator', async () => {
    const event = await chat.waitForNewCard(
      'Live session: hose drill',
      async () => {
        const enrolled = await sandbox.drypp([
          'enroll',
          '--user',
          you.userPrincipalName,
          '--program',
          'e2e-drill',
        ]);
        expect(enrolled.code, enrolled.stderr).toBe(0);
      },
      { timeout: 20_000 },
    );
    const choice = await chat.waitForNewCard(/places left/, () =>
      chat.clickCardButton('Choose a session', { card: event }),
    );
    await choice.getByText(/The yard, main fire station · 4 places left/).click();
    await chat.waitForNewCard(/You have a place/, () =>
      chat.clickCardButton('Book this session', { card: choice }),
    );
    // The worker's calendar job writes the invitation through Graph, to the simulator.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${sandbox.ports.simulator}/_sim/events?user=${you.id}`);
      const { value } = (await res.json()) as {
        value: Array<{
          transactionId?: string;
          start: { dateTime: string };
          location?: { displayName: string };
        }>;
      };
      const invitation = value.find((e) => e.transactionId?.startsWith('drypp-session-'));
      if (invitation) {
        expect(invitation).toMatchObject({
          start: { dateTime: '2030-01-15T09:00:00' },
          location: { displayName: 'The yard, main fire station' },
        });
        break;
      }
      if (Date.now() > deadline) throw new Error('no invitation in the simulator');
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  it('the instructor marks him attended in My team: the certificate card comes, its code verifies', async () => {
    // Past the drill's start (the CLI moves the clock by at most 366 days at a time).
    let hours = Math.ceil((Date.parse('2030-01-15T10:00:00Z') - Date.now()) / 3_600_000);
    for (; hours > 0; hours -= 366 * 24) await advance(`${Math.min(hours, 366 * 24)}h`);
    const tokenRes = await fetch(`http://127.0.0.1:${sandbox.ports.simulator}/_sim/tab-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: isaiah.id }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const certified = await chat.waitForNewCard(
      'You are certified: Hose handler',
      async () => {
        // Drypp's worker takes the moved clock at its next round: until then the drill has not begun.
        const deadline = Date.now() + 15_000;
        for (;;) {
          const res = await drypp('/api/tab/sessions', { headers: { authorization: `Bearer ${token}` } });
          const { sessions } = (await res.json()) as SessionRostersResponse;
          if (sessions.some((s) => s.sessionId === 'yard-morning' && s.started)) break;
          if (Date.now() > deadline) throw new Error('the drill never began for Drypp');
          await new Promise((r) => setTimeout(r, 250));
        }
        // Isaiah, the instructor, in My team: the choice for Alex, with the keyboard.
        const hosted = await openHostedTab(browser, `http://127.0.0.1:${sandbox.ports.teamsHost}`, {
          user: isaiah.id,
          tab: 'my-team',
        });
        try {
          const attendance = hosted.tab
            .getByRole('radiogroup', { name: `Attendance of ${you.displayName}` })
            .getByRole('radio', { name: 'Attended' });
          await attendance.focus();
          await hosted.page.keyboard.press('Space');
          await hosted.tab.getByText(`Marked for ${you.displayName}.`).waitFor();
        } finally {
          await hosted.close();
        }
      },
      { timeout: 30_000 },
    );
    const code = /[A-Z2-7]{26}/.exec(await certified.innerText())?.[0];
    expect(code).toBeDefined();
    const verified = await drypp(`/verify/${code}`);
    expect(await verified.json()).toMatchObject({ status: 'valid', certification: 'Hose handler' });
    const pdf = await drypp(`/verify/${code}/certificate.pdf`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

itLeavesNoPersonalDataInLogs(() => sandbox, ['Lock my screen every time I leave.']);
