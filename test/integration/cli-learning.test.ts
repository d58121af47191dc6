// Runs `drypp` (in-process, and twice the real launcher) against a private Azurite, as an admin would against the server's
// storage: list programs, enroll, report, withdraw, and move the sandbox clock.
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { TableEnrollmentStore } from '../../src/store/learning/enrollmentStore.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { runDrypp, runDryppLauncher, type DryppRun } from '../support/dryppCli.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const tenantId = '3a1b2c3d-0000-4000-8000-00000000c11a';
const ada: Person = {
  tenantId,
  id: '0f0e0d0c-0000-4000-8000-000000000001',
  userPrincipalName: 'ada@example.test',
  displayName: 'Ada Learner',
  timeZone: 'Europe/Oslo',
};
const bo: Person = {
  tenantId,
  id: '0f0e0d0c-0000-4000-8000-000000000002',
  userPrincipalName: 'bo@example.test',
  displayName: 'Bo Learner',
  timeZone: 'Europe/Oslo',
};

let azurite: AzuriteInstance;
let enrollments: TableEnrollmentStore;

type Run = DryppRun;

const dryppEnv = (env: Record<string, string>) => ({
  ...process.env,
  DRYPP_MODE: 'test',
  DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
  ...env,
});

/** In-process, through the real command tree. */
function drypp(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runDrypp(args, { cwd: repoRoot, env: dryppEnv(env) });
}

/** The real `node bin/drypp.js` process, for the tests that prove the launcher itself. */
function dryppLauncher(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runDryppLauncher(args, { cwd: repoRoot, env: dryppEnv(env) });
}

/** An expected failure: exit 1 and a message, never a stack trace. */
function expectCleanFailure(run: Run): void {
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  azurite = await startTestAzurite();
  const clients = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(clients);
  const people = new TablePeopleStore(
    clients.table(tableNames.people),
    clients.table(tableNames.tenants),
    new TableManagerIndex(clients.table(tableNames.managerIndex)),
  );
  await people.upsert(ada);
  await people.upsert(bo);
  enrollments = new TableEnrollmentStore(clients.table(tableNames.learnerProgress));
}, 60_000);

afterAll(async () => {
  await azurite?.child.stop();
});

describe('drypp programs list', () => {
  it('prints one line per program from the content catalog (through the real launcher)', async () => {
    const run = await dryppLauncher(['programs', 'list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^welcome-onboarding {2}v\d+ {2}mandatory {2}\d+ steps {2}Welcome/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^leading-digital-workplace {2}v\d+ {2}voluntary {2}\d+ steps {2}Leading/),
    );
  });
});

// These run in order: each builds on the state the one before left in storage.
describe('drypp enroll, report engagement and unenroll', () => {
  it('enrolls a person found by user principal name', async () => {
    const run = await drypp(['enroll', '--user', 'ADA@example.test', '--program', 'welcome-onboarding']);
    expect(run.stderr).toMatch(/Connecting to storage at 127\.0\.0\.1:\d+…/);
    expect(run.stdout).toMatch(
      /^Enrolled ada@example\.test in welcome-onboarding \(\d+ steps, first due \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo\)$/m,
    );
    expect(run.code).toBe(0);
    const stored = await enrollments.get(tenantId, ada.id, 'welcome-onboarding');
    expect(stored?.status).toBe('active');
  });

  it('says so when the person is already enrolled, and exits 0', async () => {
    const run = await drypp(['enroll', '--user', 'ada@example.test', '--program', 'welcome-onboarding']);
    expect(run.stdout).toContain('ada@example.test is already enrolled in welcome-onboarding (active)');
    expect(run.code).toBe(0);
  });

  it('enrolls by object id, with an explicit tenant and a start date in the person’s time zone', async () => {
    const run = await drypp([
      'enroll',
      '--user',
      bo.id,
      '--program',
      'leading-digital-workplace',
      '--tenant',
      tenantId,
      '--start',
      '2026-03-02',
    ]);
    expect(run.stdout).toContain('Enrolled bo@example.test in leading-digital-workplace');
    expect(run.code).toBe(0);
    const stored = await enrollments.get(tenantId, bo.id, 'leading-digital-workplace');
    // Midnight in Oslo (UTC+1 in March) is 23:00 UTC the day before.
    expect(stored?.startAt).toBe('2026-03-01T23:00:00.000Z');
  });

  it('refuses an unknown user with a message naming them and the tenant (through the real launcher)', async () => {
    const run = await dryppLauncher([
      'enroll',
      '--user',
      'nobody@example.test',
      '--program',
      'welcome-onboarding',
    ]);
    expectCleanFailure(run);
    expect(run.stderr).toContain(`Unknown user "nobody@example.test" in tenant ${tenantId}.`);
    expect(await enrollments.listForProgram(tenantId, 'welcome-onboarding')).toHaveLength(1);
  });

  it('refuses an unknown program, listing the known ones', async () => {
    const run = await drypp(['enroll', '--user', 'ada@example.test', '--program', 'no-such-program']);
    expectCleanFailure(run);
    expect(run.stderr).toContain('Unknown program "no-such-program"');
    // Every shipped program is named, in order, so a mistyped id can be corrected from the message.
    const shipped = fs.readdirSync(path.join(repoRoot, 'content', 'programs')).sort();
    expect(shipped).toContain('welcome-onboarding');
    expect(run.stderr).toContain(shipped.join(', '));
  });

  it('refuses a start that is not a date', async () => {
    const run = await drypp([
      'enroll',
      '--user',
      'bo@example.test',
      '--program',
      'welcome-onboarding',
      '--start',
      'next monday',
    ]);
    expectCleanFailure(run);
    expect(run.stderr).toContain('"next monday" is not a start date');
    expect(await enrollments.get(tenantId, bo.id, 'welcome-onboarding')).toBeUndefined();
  });

  it('reports engagement as one JSON object', async () => {
    const run = await drypp(['report', 'engagement', '--program', 'welcome-onboarding', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      programId: 'welcome-onboarding',
      tenantId,
      enrolled: 1,
      withdrawn: 0,
      activeLast7Days: 0,
      completed: 0,
      completionPercent: 0,
      stepsDone: 0,
      onTimePercent: null,
    });
  });

  it('reports engagement as an aligned table', async () => {
    const run = await drypp(['report', 'engagement', '--program', 'welcome-onboarding']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Engagement in welcome-onboarding (Welcome to your new job), tenant ${tenantId}`,
    );
    expect(run.stdout).toMatch(/^ {2}Enrolled +1$/m);
    expect(run.stdout).toMatch(/^ {2}Completed +0 +0%$/m);
  });

  it('refuses a report on an unknown program', async () => {
    const run = await drypp(['report', 'engagement', '--program', 'no-such-program', '--json']);
    expectCleanFailure(run);
    expect(run.stdout).toBe('');
  });

  it('withdraws an enrollment, and says so calmly the second time', async () => {
    const first = await drypp(['unenroll', '--user', 'ada@example.test', '--program', 'welcome-onboarding']);
    expect(first.stdout).toContain('Withdrew ada@example.test from welcome-onboarding');
    expect(first.code).toBe(0);
    expect((await enrollments.get(tenantId, ada.id, 'welcome-onboarding'))?.status).toBe('withdrawn');

    const again = await drypp(['unenroll', '--user', 'ada@example.test', '--program', 'welcome-onboarding']);
    expect(again.stdout).toContain('no longer active in welcome-onboarding (withdrawn)');
    expect(again.code).toBe(0);
  });

  it('refuses to withdraw someone who is not enrolled', async () => {
    const run = await drypp(['unenroll', '--user', 'bo@example.test', '--program', 'welcome-onboarding']);
    expectCleanFailure(run);
    expect(run.stderr).toContain('bo@example.test is not enrolled in welcome-onboarding');
  });
});

describe('drypp sandbox clock', () => {
  const sandboxTime = (run: Run) => {
    const match = /^Sandbox time: (\S+) /m.exec(run.stdout);
    expect(match, run.stdout + run.stderr).not.toBeNull();
    return Date.parse(match![1]!);
  };

  it('moves time forward for every process on the storage', async () => {
    const before = await drypp(['sandbox', 'clock']);
    expect(before.code).toBe(0);
    const advanced = await drypp(['sandbox', 'clock', '--advance', '2d']);
    expect(advanced.stdout).toContain('Moved the sandbox clock forward by 2d 0h 0m.');
    expect(advanced.code).toBe(0);

    const after = await drypp(['sandbox', 'clock']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/, 2d 0h 0m ahead of real time$/m);
    const moved = sandboxTime(after) - sandboxTime(before);
    const twoDays = 2 * 24 * 3_600_000;
    // Two days, plus the real seconds between the two runs.
    expect(moved).toBeGreaterThanOrEqual(twoDays);
    expect(moved).toBeLessThan(twoDays + 60_000);
  });

  it('refuses a duration it cannot read, with an example', async () => {
    const run = await drypp(['sandbox', 'clock', '--advance', '2 days']);
    expectCleanFailure(run);
    expect(run.stderr).toContain('"2 days" is not a duration');
    expect(run.stderr).toContain('--advance 7d');
  });

  it('refuses in production', async () => {
    const run = await drypp(['sandbox', 'clock', '--advance', '1d'], { DRYPP_MODE: 'production' });
    expectCleanFailure(run);
    expect(run.stderr).toContain('only outside production');
  });
});

describe('storage that does not answer', () => {
  it('says where it looked, and exits 1', async () => {
    const nowhere = azurite.connectionString.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:9');
    const run = await drypp(['report', 'engagement', '--program', 'welcome-onboarding'], {
      DRYPP_STORAGE_CONNECTION_STRING: nowhere,
    });
    expectCleanFailure(run);
    expect(run.stderr).toContain(
      'Could not reach storage at 127.0.0.1:9 — is the sandbox running (npm start)?',
    );
  }, 30_000);
});
