import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { repoRoot } from '../../src/compose.ts';
import type { Composed } from '../../src/compose.ts';
import { deliveryKey } from '../../src/domain/delivery/dueWork.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { TablePseudonymStore } from '../../src/store/privacy/pseudonymStore.ts';
import { TableTimeZoneCheckStore } from '../../src/store/directory/timeZoneCheckStore.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { enrollWithCardsSent } from '../support/xapiFixtures.ts';

/**
 * `drypp privacy export` and `erase` on a real Azurite: the export holds every table's rows about
 * the person and nothing of anyone else's; erasure leaves no trace of them in any table (scanned
 * whole), keeps other people's rows (with the person's id replaced), and is safe to run again.
 */
const tenantId = '88888888-8888-8888-8888-888888888888';
const launcher = path.join(repoRoot, 'bin/drypp.js');
let azurite: AzuriteInstance;
let composed: Composed;

// Pat manages Quinn: Quinn's rows name Pat (as manager, as the one who decided, who answered).
const pat = testPerson(tenantId, 1, { displayName: 'Pat Manager', userPrincipalName: 'pat@example.test' });
const quinn = testPerson(tenantId, 2, {
  displayName: 'Quinn Report',
  userPrincipalName: 'quinn@example.test',
  managerId: pat.id,
});

function drypp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [launcher, ...args],
      {
        cwd: repoRoot,
        timeout: 60_000,
        env: {
          ...process.env,
          DRYPP_MODE: 'test',
          DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
          DRYPP_CONTENT_DIR: 'test/fixtures/content',
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        }),
    );
  });
}

/** Every row of every table that holds the value anywhere: keys or columns. */
async function rowsHolding(value: string): Promise<Array<{ table: string; row: Record<string, unknown> }>> {
  const found: Array<{ table: string; row: Record<string, unknown> }> = [];
  for (const table of Object.values(tableNames)) {
    for await (const row of composed.storage.table(table).listEntities<Record<string, unknown>>()) {
      const { etag: _e, timestamp: _t, 'odata.etag': _o, ...rest } = row;
      if (JSON.stringify(rest).toLowerCase().includes(value.toLowerCase())) found.push({ table, row: rest });
    }
  }
  return found;
}

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString, { DRYPP_CONTENT_DIR: 'test/fixtures/content' });
  const { deps, storage } = composed;
  for (const p of [pat, quinn]) {
    await enrollWithCardsSent(composed, p, 'e2e-short');
    await rememberChat(composed, p, 'http://127.0.0.1:9/');
    await deps.conversations.markWelcomed(tenantId, p.id, `a:${p.id}`, '2026-11-30T08:00:00.000Z');
    const key = deliveryKey({
      userId: p.id,
      programId: 'e2e-short',
      stepId: 'first-lesson',
      kind: 'step',
      n: 0,
    });
    await deps.deliveries.begin({ tenantId, key, status: 'sending', startedAt: '2026-11-30T08:00:00.000Z' });
    await deps.deliveries.recordSentOnDay(tenantId, p.id, '2026-11-30', key);
    await deps.reachability.create({
      tenantId,
      userId: p.id,
      stage: 'detected',
      detectedAt: '2026-11-30T08:00:00.000Z',
      attempts: 0,
    });
    await new TableTimeZoneCheckStore(storage.table(tableNames.timeZoneChecks)).create({
      tenantId,
      userId: p.id,
      status: 'waiting',
      requestedAt: '2026-11-30T08:00:00.000Z',
      attempts: 0,
    });
    await new TablePseudonymStore(storage.table(tableNames.xapiPseudonyms)).pseudonymOf({
      tenantId,
      personId: p.id,
    });
  }
  await deps.learningTime.create({
    tenantId,
    id: 'req-1',
    learnerId: quinn.id,
    managerId: pat.id,
    date: '2026-12-10',
    minutes: 60,
    purpose: { kind: 'text', text: 'Quinn wants to read about privacy' },
    status: 'approved',
    createdAt: '2026-11-30T08:00:00.000Z',
    timeZone: 'Europe/Oslo',
    decidedAt: '2026-11-30T09:00:00.000Z',
    decidedBy: pat.id,
    decidedIn: 'tab',
    comment: 'Go ahead',
    followUp: false,
  });
  await deps.checkins.save({
    tenantId,
    learnerId: quinn.id,
    programId: 'e2e-short',
    stepId: 'check-in',
    managerId: pat.id,
    option: 1,
    comment: 'Quinn is settling in',
    answeredAt: '2026-11-30T10:00:00.000Z',
  });
});
afterAll(async () => {
  await azurite?.child.stop();
});

describe('drypp privacy', () => {
  it('exports every table’s rows about the person, and nothing of anyone else’s', async () => {
    const file = path.join(os.tmpdir(), `drypp-export-${process.pid}.json`);
    const run = await drypp(['privacy', 'export', '--user', pat.userPrincipalName, '--out', file]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Personal data of ${pat.id}`);
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      tables: Record<string, Array<{ role: string; fields: Record<string, unknown> }>>;
    };
    const expectedTables = new Set((await rowsHolding(pat.id)).map((r) => r.table));
    expect(new Set(Object.keys(exported.tables))).toEqual(expectedTables);
    expect(exported.tables[tableNames.people]?.find((r) => r.role === 'own')?.fields.displayName).toBe(
      'Pat Manager',
    );
    expect(exported.tables[tableNames.learningTime]?.[0]?.fields).toMatchObject({
      decidedBy: pat.id,
      comment: 'Go ahead',
    });
    const text = JSON.stringify(exported);
    for (const others of [quinn.id, quinn.displayName, quinn.userPrincipalName, 'Quinn wants to read'])
      expect(text).not.toContain(others);
  });

  it('erases the person from every table, keeps other people’s rows without them, and can run again', async () => {
    expect((await rowsHolding(pat.id)).length).toBeGreaterThan(10);
    const dry = await drypp(['privacy', 'erase', '--user', pat.userPrincipalName]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--yes');
    expect((await rowsHolding(pat.id)).length).toBeGreaterThan(10);

    const run = await drypp(['privacy', 'erase', '--user', pat.userPrincipalName, '--yes']);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    expect(await rowsHolding(pat.id)).toEqual([]);
    for (const trace of [pat.displayName, pat.userPrincipalName])
      expect(await rowsHolding(trace)).toEqual([]);

    // Quinn keeps everything of theirs; where it named Pat, it now says "erased".
    const request = await composed.deps.learningTime.get(tenantId, 'req-1');
    expect(request).toMatchObject({
      learnerId: quinn.id,
      managerId: 'erased',
      decidedBy: 'erased',
      status: 'approved',
    });
    expect((await composed.deps.enrollments.listForPerson(tenantId, quinn.id)).length).toBe(1);
    expect(await composed.deps.people.get(tenantId, quinn.id)).toMatchObject({ displayName: 'Quinn Report' });
    expect((await composed.deps.people.get(tenantId, quinn.id))?.managerId).toBeUndefined();

    const again = await drypp(['privacy', 'erase', '--user', pat.id, '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing was left to erase');
    expect(await rowsHolding(pat.id)).toEqual([]);
  });
});
