import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { retentionDeps } from '../../src/composePrivacy.ts';
import type { Composed } from '../../src/compose.ts';
import type { CertificationRecord } from '../../src/domain/certificates/certificationRecord.ts';
import { keyPart, personPartition } from '../../src/store/platform/keys.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { applyRetention } from '../../src/usecases/privacy/applyRetention.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { rowsHolding } from '../support/storageScan.ts';
import { enrollWithCardsSent } from '../support/xapiFixtures.ts';

/**
 * Retention on a real Azurite with the sandbox clock: a rescue service (test/fixtures/content/
 * privacy.yaml) removes a leaver's learning records six months after they left and everything else,
 * certificates too, after ten years; someone still employed keeps everything; running twice is safe.
 */
const tenantId = '99999999-9999-4999-8999-999999999999';
const DAY = 24 * 3600_000;
let azurite: AzuriteInstance;
let composed: Composed;

const leaver = testPerson(tenantId, 1, {
  displayName: 'Lena Sluttet',
  userPrincipalName: 'lena@rescue.test',
});
const stayer = testPerson(tenantId, 2, { displayName: 'Otto Blir', userPrincipalName: 'otto@rescue.test' });

const certificate = (userId: string): CertificationRecord => ({
  tenantId,
  userId,
  certificationId: 'smoke-diving',
  assignedOn: '2026-01-05',
  dueOn: '2026-02-05',
  status: 'certified',
  cycles: [
    {
      n: 1,
      certifiedOn: '2026-01-20',
      validUntil: '2027-01-20',
      basis: 'first',
      via: 'program',
      programId: 'e2e-short',
      certificationVersion: 1,
    },
  ],
  checkedThrough: '2026-01-20',
  assignedBy: 'rule',
  rulesVersion: 1,
});

const run = () => applyRetention(retentionDeps(composed), tenantId);
const tablesOf = async (id: string) =>
  [...new Set((await rowsHolding(composed.storage, id)).map((r) => r.table))].sort();

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString, { DRYPP_CONTENT_DIR: 'test/fixtures/content' });
  for (const p of [leaver, stayer]) {
    await enrollWithCardsSent(composed, p, 'e2e-short');
    await rememberChat(composed, p, 'http://127.0.0.1:9/');
    await composed.certificates.store.create(certificate(p.id));
  }
  // Lena left today: the directory removed her (what directory sync writes).
  await composed.storage.table(tableNames.people).updateEntity(
    {
      partitionKey: personPartition(tenantId, leaver.id),
      rowKey: keyPart(leaver.id),
      removedAt: composed.deps.clock.now().toISOString(),
    },
    'Merge',
  );
});
afterAll(async () => {
  await azurite?.child.stop();
});

describe('retention of leavers’ records', () => {
  it('keeps everything within the period', async () => {
    await composed.adjustableClock!.advance(150 * DAY);
    expect(await run()).toMatchObject({ leavers: 1, learningRecordsRemoved: 0, removedEntirely: 0 });
    expect(await tablesOf(leaver.id)).toContain(tableNames.learnerProgress);
  });

  it('removes a leaver’s learning records after six months, keeps their certificate, and is safe to run twice', async () => {
    const before = await tablesOf(stayer.id);
    await composed.adjustableClock!.advance(40 * DAY);
    const first = await run();
    expect(first).toMatchObject({ leavers: 1, learningRecordsRemoved: 1, removedEntirely: 0 });
    expect(first.rows.deleted).toBeGreaterThan(3);
    expect(await tablesOf(leaver.id)).toEqual(
      [tableNames.people, tableNames.certifications, tableNames.retentionDone].sort(),
    );
    expect(await run()).toMatchObject({
      learningRecordsRemoved: 0,
      removedEntirely: 0,
      rows: { deleted: 0 },
    });
    expect(await tablesOf(stayer.id)).toEqual(before);
  });

  it('removes the rest, certificate and name, after ten years', async () => {
    await composed.adjustableClock!.advance(3650 * DAY);
    expect(await run()).toMatchObject({ leavers: 1, removedEntirely: 1 });
    for (const trace of [leaver.id, leaver.displayName, leaver.userPrincipalName])
      expect(await rowsHolding(composed.storage, trace)).toEqual([]);
    expect(await run()).toMatchObject({ leavers: 0 });
    expect(await tablesOf(stayer.id)).toContain(tableNames.certifications);
    expect(await tablesOf(stayer.id)).toContain(tableNames.learnerProgress);
  });
});
