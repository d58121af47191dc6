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
import { runDrypp, runDryppLauncher, type DryppOptions, type DryppRun } from '../support/dryppCli.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { enrollWithCardsSent } from '../support/xapiFixtures.ts';
import { failing } from '../support/failing.ts';
import { rowsHolding as scanStorage } from '../support/storageScan.ts';
import { privacyRequestDeps } from '../../src/composePrivacy.ts';
import { TablePrivacyAudit } from '../../src/store/privacy/privacyAuditStore.ts';
import { TablePersonalDataStore } from '../../src/store/privacy/personalDataStore.ts';
import type { StorageClients } from '../../src/store/platform/storageClients.ts';
import type { CertificationRecord } from '../../src/domain/certificates/certificationRecord.ts';
import { erasePerson } from '../../src/usecases/privacy/personalDataRequests.ts';

/**
 * `drypp privacy export` and `erase` on a real Azurite: the export holds every table's rows about
 * the person and nothing of anyone else's; erasure leaves no trace of them in any table (scanned
 * whole), keeps other people's rows (with the person's id replaced), and is safe to run again.
 */
const tenantId = '88888888-8888-8888-8888-888888888888';
let azurite: AzuriteInstance;
let composed: Composed;

// Pat manages Quinn: Quinn's rows name Pat (as manager, as the one who decided, who answered).
const pat = testPerson(tenantId, 1, { displayName: 'Pat Manager', userPrincipalName: 'pat@example.test' });
const quinn = testPerson(tenantId, 2, {
  displayName: 'Quinn Report',
  userPrincipalName: 'quinn@example.test',
  managerId: pat.id,
});

/** The CLI against the test's Azurite; `--tenant` names Pat's tenant unless given (there are two). */
function dryppArgs(args: string[]): [string[], DryppOptions] {
  return [
    [...args, ...(args.includes('--tenant') ? [] : ['--tenant', tenantId])],
    {
      cwd: repoRoot,
      timeoutMs: 60_000,
      env: {
        ...process.env,
        DRYPP_MODE: 'test',
        DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
        DRYPP_CONTENT_DIR: 'test/fixtures/content',
      },
    },
  ];
}
/** In-process, through the real command tree. */
const drypp = (args: string[]): Promise<DryppRun> => runDrypp(...dryppArgs(args));
/** The real `node bin/drypp.js` process, for the test that proves the launcher itself. */
const dryppLauncher = (args: string[]): Promise<DryppRun> => runDryppLauncher(...dryppArgs(args));

/** Every row of every table that holds the value anywhere: keys or columns. */
const rowsHolding = (value: string) => scanStorage(composed.storage, value);
const audit = () => new TablePrivacyAudit(composed.storage.table(tableNames.privacyAudit));

// A rescue service (test/fixtures/content/privacy.yaml) keeps certificates for ten years.
const rescueTenant = '99999999-9999-4999-8999-999999999999';
const rita = testPerson(rescueTenant, 3, {
  displayName: 'Rita Røykdykker',
  userPrincipalName: 'rita@rescue.test',
});

function certification(certificationId: string, certifiedOn: string): CertificationRecord {
  return {
    tenantId: rescueTenant,
    userId: rita.id,
    certificationId,
    assignedOn: certifiedOn,
    dueOn: certifiedOn,
    status: 'expired',
    cycles: [
      {
        n: 1,
        certifiedOn,
        validUntil: certifiedOn,
        basis: 'first',
        via: 'program',
        programId: 'e2e-short',
        certificationVersion: 1,
      },
    ],
    checkedThrough: certifiedOn,
    assignedBy: 'rule',
    rulesVersion: 1,
  };
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
  await enrollWithCardsSent(composed, rita, 'e2e-short');
  await composed.certificates.store.create(certification('smoke-diving', '2024-03-01'));
  await composed.certificates.store.create(certification('first-aid', '2012-03-01')); // past the hold
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

    const again = await drypp(['privacy', 'erase', '--user', pat.id, '--yes', '--reference', 'DPO-2026-17']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing was left to erase');
    expect(await rowsHolding(pat.id)).toEqual([]);

    // The audit trail: the export and both erasures (not the dry run), done, with counts, naming nobody.
    const rows = await audit().list(tenantId);
    expect(rows.map((r) => [r.kind, r.via, r.reference])).toEqual([
      ['export', 'cli', 'operator'],
      ['erasure', 'cli', 'operator'],
      ['erasure', 'cli', 'DPO-2026-17'],
    ]);
    for (const r of rows) expect(r.completedAt).toBeDefined();
    expect(JSON.parse(rows[1]!.tables!)).toMatchObject({ [tableNames.people]: { deleted: 1 } });
    expect(JSON.parse(rows[2]!.tables!)).toEqual({});
    expect(run.stdout).toContain(`Request ${rows[1]!.rowKey} is in the audit trail`);
    const auditText = JSON.stringify(rows).toLowerCase();
    for (const trace of [pat.id, pat.displayName, pat.userPrincipalName, 'pat'])
      expect(auditText).not.toContain(trace.toLowerCase());
  });

  it('refuses a reference that could name someone, and records nothing (the real launcher)', async () => {
    const before = (await audit().list(tenantId)).length;
    const run = await dryppLauncher([
      'privacy',
      'export',
      '--user',
      quinn.id,
      '--reference',
      'quinn@example.test',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).toContain('is not a case reference');
    expect((await audit().list(tenantId)).length).toBe(before);
  });

  it('keeps what the tenant’s legal hold keeps, says so, and deletes what is past it', async () => {
    const run = await drypp(['privacy', 'erase', '--user', rita.id, '--tenant', rescueTenant, '--yes']);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kept under the legal hold "certificates" (10 years): 1 row');
    const left = await rowsHolding(rita.id);
    expect(left.map((r) => [r.table, r.row.certificationId])).toEqual([
      [tableNames.certifications, 'smoke-diving'],
    ]);
    for (const trace of [rita.displayName, rita.userPrincipalName])
      expect(await rowsHolding(trace)).toEqual([]);
    const [row] = await audit().list(rescueTenant);
    expect(JSON.parse(row!.holds!)).toEqual({ certificates: { years: 10, kept: 1 } });
    expect(JSON.parse(row!.tables!)[tableNames.certifications]).toMatchObject({ deleted: 1, kept: 1 });
  });

  it('finishes an erasure that stopped part-way when it is run again', async () => {
    const sam = testPerson(tenantId, 4, {
      displayName: 'Sam Stopped',
      userPrincipalName: 'sam@example.test',
    });
    await enrollWithCardsSent(composed, sam, 'e2e-short');
    await rememberChat(composed, sam, 'http://127.0.0.1:9/');
    const tablesBefore = new Set((await rowsHolding(sam.id)).map((r) => r.table));
    expect(tablesBefore.size).toBeGreaterThan(2);
    // Storage fails on the third row deletion, as if the process died there.
    let deletions = 0;
    const crashing = {
      table: (name: string) => failing(composed.storage.table(name), 'deleteEntity', () => ++deletions === 3),
    } as unknown as StorageClients;
    const deps = privacyRequestDeps(composed);
    const samRef = { tenantId, personId: sam.id };
    const request = {
      requestId: 'b9b2a0c4-0000-4000-8000-000000000001',
      via: 'cli' as const,
      reference: 'T-1',
    };
    await expect(
      erasePerson({ ...deps, personalData: new TablePersonalDataStore(crashing) }, samRef, request),
    ).rejects.toThrow('injected failure');
    const stopped = (await audit().list(tenantId)).find((r) => r.rowKey === request.requestId);
    expect(stopped).toMatchObject({ kind: 'erasure', reference: 'T-1' });
    expect(stopped?.completedAt).toBeUndefined();
    expect((await rowsHolding(sam.id)).length).toBeGreaterThan(0);

    const rerun = await erasePerson(deps, samRef, {
      ...request,
      requestId: 'b9b2a0c4-0000-4000-8000-000000000002',
    });
    expect(Object.keys(rerun.tables).length).toBeGreaterThan(0);
    expect(await rowsHolding(sam.id)).toEqual([]);
    expect(await rowsHolding(sam.displayName)).toEqual([]);
  });
});
