import express from 'express';
import http from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import type { Composed } from '../../src/compose.ts';
import { privacyTabMount } from '../../src/composePrivacy.ts';
import { correlation } from '../../src/http/correlation.ts';
import type { PrivacyEraseResponse, PrivacyExportFile } from '../../src/http/tabs/privacy/contract.ts';
import { tabApiRouter } from '../../src/http/tabs/router.ts';
import { createSsoVerifier, requireTabSso } from '../../src/http/tabs/sso.ts';
import { createLogger } from '../../src/log/logger.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { TablePrivacyAudit } from '../../src/store/privacy/privacyAuditStore.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest, rememberChat } from '../support/learningFixtures.ts';
import { rowsHolding as scanStorage } from '../support/storageScan.ts';
import { demo, demoPersonRows, otherTenant, startDemoSimulator, tabToken } from '../support/tabApi.ts';
import { enrollWithCardsSent } from '../support/xapiFixtures.ts';

/**
 * The Admin tab's privacy section on Azurite with the simulator's SSO tokens: an HR admin exports a
 * person (their rows and nobody else's) and erases them (only with their address typed again, and
 * safely twice); a manager and a learner get 403, another tenant's token 401, and the request log
 * names nobody.
 */
const tenantId = demoTenant.id;
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let server: http.Server;
let composed: Composed;
let base: string;
const tokens: Record<string, string> = {};
const logLines: string[] = [];

const person = (id: string) => demoPersonRows().find((p) => p.id === id)!;
const lynne = person(demo.lynne);
const isaiah = person(demo.isaiah);
const rowsHolding = (value: string) => scanStorage(composed.storage, value);
const audit = () => new TablePrivacyAudit(composed.storage.table(tableNames.privacyAudit)).list(tenantId);

beforeAll(async () => {
  [azurite, sim] = await Promise.all([startTestAzurite(), startDemoSimulator()]);
  composed = await composeForTest(azurite.connectionString, { DRYPP_CONTENT_DIR: 'test/fixtures/content' });
  for (const p of demoPersonRows()) await composed.deps.people.upsert(p);
  // Lynne and Isaiah both learn; Lynne's manager Adele decided her request (Lynne's row names Adele).
  for (const p of [lynne, isaiah]) {
    await enrollWithCardsSent(composed, p, 'e2e-short');
    await rememberChat(composed, p, 'http://127.0.0.1:9/');
  }
  await composed.deps.learningTime.create({
    tenantId,
    id: 'req-lynne',
    learnerId: lynne.id,
    managerId: demo.adele,
    date: '2026-12-10',
    minutes: 30,
    purpose: { kind: 'text', text: 'Lynne reads up on wound care' },
    status: 'approved',
    createdAt: '2026-11-30T08:00:00.000Z',
    timeZone: 'Europe/Oslo',
    decidedAt: '2026-11-30T09:00:00.000Z',
    decidedBy: demo.adele,
    decidedIn: 'tab',
    followUp: false,
  });

  const verify = createSsoVerifier({
    authorityHost: sim.url,
    clientId: sandboxTabApp.clientId,
    servesTenant: (t) => t === tenantId,
  });
  const log = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );
  const app = express();
  app.use(correlation(log));
  app.use(
    '/api/tab',
    tabApiRouter({ authenticate: requireTabSso(verify), mounts: [privacyTabMount(composed)] }),
  );
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/tab`;
  for (const [name, id] of Object.entries(demo)) tokens[name] = await tabToken(sim, { user: id });
  tokens.outside = await tabToken(sim, { tenantId: otherTenant.id, user: 'outside@elsewhere.example' });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await sim?.stop();
  await azurite?.child.stop();
});

async function post(who: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as unknown };
}
const errorOf = (json: unknown) =>
  (json as { error: { code: string; message: string; issues?: Array<{ path: string }> } }).error;

describe('the privacy section of the Admin tab API', () => {
  it('exports the person’s rows in every table as an attachment, and nobody else’s', async () => {
    const res = await post('megan', '/privacy/export', { user: lynne.userPrincipalName.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="drypp-personal-data-[0-9a-f-]{36}\.json"$/,
    );
    expect(res.headers.get('content-disposition')).not.toContain('lynne');
    const file = res.json as PrivacyExportFile;
    expect(file.person).toEqual({ tenantId, personId: lynne.id });
    const expectedTables = new Set((await rowsHolding(lynne.id)).map((r) => r.table));
    expect(expectedTables.size).toBeGreaterThan(3);
    expect(new Set(Object.keys(file.tables))).toEqual(expectedTables);
    expect(file.tables[tableNames.people]?.find((r) => r.role === 'own')?.fields.displayName).toBe(
      'Lynne Robbins',
    );
    expect(file.tables[tableNames.learningTime]?.[0]?.fields).toMatchObject({
      learnerId: lynne.id,
      purpose: expect.stringContaining('wound care'),
    });
    // The readable summary: one line per table, as the CLI prints it.
    expect(file.summary.lines[0]).toContain(`Personal data of ${lynne.id}`);
    expect(file.summary.tables.map((t) => t.table).sort()).toEqual([...expectedTables].sort());
    expect(file.summary.lines.at(-1)).toContain(file.requestId);
    // Isaiah is enrolled in the same program and chats with the same bot: none of him is in it.
    for (const other of [isaiah.id, isaiah.displayName, isaiah.userPrincipalName])
      expect(res.text).not.toContain(other);
    for (const rows of Object.values(file.tables))
      for (const row of rows) expect(JSON.stringify(row).toLowerCase()).toContain(lynne.id.toLowerCase());
  });

  it('finds a person by object id too, in the caller’s language, and says so when nobody is found', async () => {
    const res = await fetch(`${base}/privacy/export`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.megan}`,
        'content-type': 'application/json',
        'accept-language': 'nb-NO',
      },
      body: JSON.stringify({ user: lynne.id.toUpperCase() }),
    });
    expect(res.status).toBe(200);
    const file = (await res.json()) as PrivacyExportFile;
    expect(file.summary.lines[0]).toContain('Personopplysninger om');

    const unknown = await post('megan', '/privacy/export', { user: 'nobody@drypp-kommune.example' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.json).message).toMatch(/no one with this address or object id/);
    const unknownId = await post('megan', '/privacy/erase', {
      user: '0f0e0d0c-0000-4000-8000-999999999999',
      confirm: '0f0e0d0c-0000-4000-8000-999999999999',
    });
    expect(unknownId.status).toBe(404);
  });

  it('refuses bad input with the field at fault', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/privacy/export', {}, 'user'],
      ['/privacy/export', { user: 'two words' }, 'user'],
      ['/privacy/export', { user: 'a'.repeat(257) }, 'user'],
      ['/privacy/export', { user: lynne.userPrincipalName, reference: lynne.userPrincipalName }, 'reference'],
      ['/privacy/export', { user: lynne.userPrincipalName, extra: 1 }, '(body)'],
      ['/privacy/erase', { user: lynne.userPrincipalName }, 'confirm'],
    ];
    for (const [path, body, field] of cases) {
      const res = await post('megan', path, body);
      expect([path, body, res.status]).toEqual([path, body, 400]);
      expect(errorOf(res.json).issues?.map((i) => i.path)).toContain(field);
    }
    const large = await post('megan', '/privacy/export', JSON.stringify({ user: 'x'.repeat(20_000) }));
    expect(large.status).toBe(400);
  });

  it('refuses a manager and a learner (403) and another tenant’s token (401), changing nothing', async () => {
    const before = (await rowsHolding(lynne.id)).length;
    const audited = (await audit()).length;
    const erase = { user: lynne.userPrincipalName, confirm: lynne.userPrincipalName };
    for (const who of ['adele', 'alex']) {
      for (const [path, body] of [
        ['/privacy/export', { user: lynne.userPrincipalName }],
        ['/privacy/erase', erase],
      ] as const) {
        const res = await post(who, path, body);
        expect([who, path, res.status]).toEqual([who, path, 403]);
        expect(res.text).not.toContain('Lynne');
      }
    }
    for (const path of ['/privacy/export', '/privacy/erase'])
      expect((await post('outside', path, erase)).status).toBe(401);
    expect((await rowsHolding(lynne.id)).length).toBe(before);
    expect((await audit()).length).toBe(audited);
  });

  it('erases nothing unless the person’s address is typed again', async () => {
    const before = await rowsHolding(lynne.id);
    const audited = (await audit()).length;
    for (const confirm of [isaiah.userPrincipalName, 'lynner@', lynne.id]) {
      const res = await post('megan', '/privacy/erase', { user: lynne.userPrincipalName, confirm });
      expect([confirm, res.status]).toEqual([confirm, 400]);
      expect(errorOf(res.json).issues?.map((i) => i.path)).toEqual(['confirm']);
    }
    expect(await rowsHolding(lynne.id)).toEqual(before);
    expect((await audit()).length).toBe(audited);
  });

  it('erases the person from every table with counts, and a second erasure is safe', async () => {
    const res = await post('megan', '/privacy/erase', {
      user: lynne.userPrincipalName,
      confirm: ` ${lynne.userPrincipalName.toUpperCase()} `,
      reference: 'DPO-2026-42',
    });
    expect(res.status).toBe(200);
    const report = res.json as PrivacyEraseResponse;
    expect(report.erasedBefore).toBe(false);
    expect(report.totals.deleted).toBeGreaterThan(3);
    expect(report.tables.find((t) => t.table === tableNames.people)).toMatchObject({ deleted: 1 });
    expect(await rowsHolding(lynne.id)).toEqual([]);
    for (const trace of [lynne.displayName, lynne.userPrincipalName, 'wound care'])
      expect(await rowsHolding(trace)).toEqual([]);
    // Isaiah, who was not erased, keeps all of his.
    expect((await composed.deps.enrollments.listForPerson(tenantId, isaiah.id)).length).toBe(1);
    expect(await composed.deps.people.get(tenantId, isaiah.id)).toMatchObject({
      displayName: 'Isaiah Langer',
    });

    // Her address is gone with her; her object id still reaches the tombstone, and erasing again is safe.
    const byAddress = await post('megan', '/privacy/erase', {
      user: lynne.userPrincipalName,
      confirm: lynne.userPrincipalName,
    });
    expect(byAddress.status).toBe(404);
    const again = await post('megan', '/privacy/erase', { user: lynne.id, confirm: lynne.id });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      erasedBefore: true,
      totals: { deleted: 0, anonymised: 0 },
      tables: [],
    });
    expect(await rowsHolding(lynne.id)).toEqual([]);

    const rows = await audit();
    expect(rows.map((r) => [r.kind, r.via, r.reference])).toEqual([
      ['export', 'adminTab', 'hr-admin'],
      ['export', 'adminTab', 'hr-admin'],
      ['erasure', 'adminTab', 'DPO-2026-42'],
      ['erasure', 'adminTab', 'hr-admin'],
    ]);
    for (const r of rows) expect(r.completedAt).toBeDefined();
  });

  it('logs nobody’s name or address', () => {
    const logged = logLines.join('\n').toLowerCase();
    expect(logged).toContain('/privacy/erase');
    for (const p of demoPeople)
      for (const trace of [p.displayName, p.userPrincipalName])
        expect(logged).not.toContain(trace.toLowerCase());
  });
});
