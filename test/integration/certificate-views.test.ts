// My team's and the Admin tab's certificates over the tab API on real storage: who sees whose
// certificates (the access policies), the filters, the chart's months and the CSV export.
import express from 'express';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import { addDays, type Day } from '../../src/domain/certificates/calendarDays.ts';
import type { CertificationRecord } from '../../src/domain/certificates/certificationRecord.ts';
import { testCertification } from '../../src/domain/certificates/testCertifications.ts';
import { correlation } from '../../src/http/correlation.ts';
import { certificateRoutes } from '../../src/http/tabs/certificates/certificateRoutes.ts';
import type {
  OrganisationCertificatesResponse,
  TeamCertificatesResponse,
} from '../../src/http/tabs/certificates/contract.ts';
import { tabApiRouter } from '../../src/http/tabs/router.ts';
import { createSsoVerifier, requireTabSso } from '../../src/http/tabs/sso.ts';
import { createLogger } from '../../src/log/logger.ts';
import { TableCertificationStore } from '../../src/store/certificates/certificationStore.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { defaultDeliveryPolicy } from '../../src/domain/delivery/deliveryPolicy.ts';
import { certificationCatalogOf } from '../../src/usecases/certificates/ports.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { demo, demoPersonRows, startDemoSimulator, tabToken } from '../support/tabApi.ts';

const today: Day = '2026-06-15';
const smokeDiving = testCertification({
  title: { en: 'Smoke diver', nb: 'Røykdykker' },
  languages: ['en', 'nb'],
});
const firstAid = testCertification({
  id: 'first-aid',
  title: { en: 'First aid', nb: 'Førstehjelp' },
  languages: ['en', 'nb'],
  program: 'first-aid-course',
  refresherProgram: undefined,
  validity: { months: 24 },
  renewalWindowDays: 90,
  expiryCountsFrom: 'completion',
});
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let server: http.Server;
let base: string;
const tokens: Record<string, string> = {};

/** A record certified once, valid until `validUntil` (or never certified when it is undefined). */
function record(userId: string, certificationId: string, validUntil?: Day): CertificationRecord {
  const certifiedOn = validUntil ? addDays(validUntil, -365) : undefined;
  return {
    tenantId: demoTenant.id,
    userId,
    certificationId,
    assignedOn: '2025-01-01',
    dueOn: '2025-03-01',
    status: 'certified',
    cycles: certifiedOn
      ? [
          {
            n: 1,
            certifiedOn,
            validUntil: validUntil!,
            basis: 'first',
            via: 'program',
            programId: 'x',
            certificationVersion: 1,
          },
        ]
      : [],
    checkedThrough: '2025-01-01',
    assignedBy: 'test',
    rulesVersion: 1,
  };
}

beforeAll(async () => {
  [azurite, sim] = await Promise.all([startTestAzurite(), startDemoSimulator()]);
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(storage);
  const managerIndex = new TableManagerIndex(storage.table(tableNames.managerIndex));
  const people = new TablePeopleStore(
    storage.table(tableNames.people),
    storage.table(tableNames.tenants),
    managerIndex,
  );
  for (const person of demoPersonRows()) {
    // A name a spreadsheet would run as a formula, for the export.
    const displayName =
      person.id === demo.patti ? '=HYPERLINK("http://evil.example","Patti")' : person.displayName;
    await people.upsert({ ...person, displayName });
  }
  const certifications = new TableCertificationStore(
    storage.table(tableNames.certifications),
    storage.table(tableNames.certificationSchedule),
    storage.table(tableNames.certificateCodes),
  );
  // Adele's people: Alex (smoke diving runs out in 20 days, first aid in 80), Lynne (expired).
  // Megan's other people: Isaiah (never certified, overdue), Patti (valid a long while yet).
  for (const r of [
    record(demo.alex, 'smoke-diving', addDays(today, 20)),
    record(demo.alex, 'first-aid', addDays(today, 80)),
    record(demo.lynne, 'smoke-diving', addDays(today, -3)),
    record(demo.isaiah, 'first-aid'),
    record(demo.patti, 'first-aid', '2027-03-10'),
  ])
    await certifications.create(r);
  const verify = createSsoVerifier({
    authorityHost: sim.url,
    clientId: sandboxTabApp.clientId,
    servesTenant: (t) => t === demoTenant.id,
  });
  const app = express();
  app.use(correlation(createLogger('silent')));
  const mount = certificateRoutes({
    certifications,
    certificationCatalog: certificationCatalogOf([smokeDiving, firstAid]),
    clock: { now: () => new Date(`${today}T10:00:00Z`) },
    policy: defaultDeliveryPolicy('Europe/Oslo'),
    managerIndex,
    people,
  });
  app.use('/api/tab', tabApiRouter({ authenticate: requireTabSso(verify), mounts: [mount] }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/tab`;
  for (const [name, id] of Object.entries(demo)) tokens[name] = await tabToken(sim, { user: id });
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await sim?.stop();
  await azurite?.child.stop();
});

async function get(who: string, path: string) {
  const res = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'nb-NO' },
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as unknown };
}

describe("My team's certificates", () => {
  it("a manager sees their own people's certificates and nobody else's, most urgent first", async () => {
    const res = await get('adele', '/my-team/certificates');
    expect(res.status).toBe(200);
    const body = res.json() as TeamCertificatesResponse;
    expect(body.people.map((p) => p.displayName).sort()).toEqual(['Alex Wilber', 'Lynne Robbins']);
    const alex = body.people.find((p) => p.id === demo.alex)!;
    expect(alex.actions).toEqual(['nudge']);
    expect(alex.certificates.map((c) => [c.title, c.status, c.daysLeft, c.expiresWithin])).toEqual([
      ['Røykdykker', 'renewalOpen', 20, 30],
      ['Førstehjelp', 'renewalOpen', 80, 90],
    ]);
    const lynne = body.people.find((p) => p.id === demo.lynne)!;
    expect(lynne.certificates.map((c) => [c.status, c.cycles])).toEqual([['expired', 1]]);
    expect(body.counts).toMatchObject({
      valid: 2,
      windowOpen: 2,
      expiring30: 1,
      expiring60: 1,
      expiring90: 2,
      expired: 1,
    });
    expect(JSON.stringify(body)).not.toContain(demo.isaiah);
    expect(JSON.stringify(body)).not.toContain(demo.patti);
  });

  it('a manager of managers sees the people below them at every level', async () => {
    const body = (await get('megan', '/my-team/certificates')).json() as TeamCertificatesResponse;
    expect(body.people.map((p) => p.id).sort()).toEqual(
      [demo.alex, demo.isaiah, demo.lynne, demo.patti].sort(),
    );
    const isaiah = body.people.find((p) => p.id === demo.isaiah)!;
    expect(isaiah.certificates.map((c) => [c.status, c.cycles])).toEqual([['overdue', 0]]);
  });

  it('someone with no reports gets 403', async () => {
    expect((await get('alex', '/my-team/certificates')).status).toBe(403);
  });
});

describe("the Admin tab's certificates", () => {
  it('refuses everyone but HR admins, the view and the export alike', async () => {
    for (const who of ['adele', 'alex']) {
      expect((await get(who, '/admin/certificates')).status).toBe(403);
      const csv = await get(who, '/admin/certificates/export.csv');
      expect(csv.status).toBe(403);
      expect(csv.text).not.toContain('Alex');
    }
  });

  it('shows the whole organisation, its expiries by month, and filters by certification and expiry', async () => {
    const all = (await get('megan', '/admin/certificates')).json() as OrganisationCertificatesResponse;
    expect(all.total).toBe(5);
    expect(all.rows[0]).toMatchObject({ status: 'expired', displayName: 'Lynne Robbins' });
    expect(all.certifications).toEqual([
      { id: 'smoke-diving', title: 'Røykdykker' },
      { id: 'first-aid', title: 'Førstehjelp' },
    ]);
    expect(all.expiriesByMonth).toHaveLength(12);
    expect(all.expiriesByMonth.slice(0, 3)).toEqual([
      { month: '2026-06', count: 0 },
      { month: '2026-07', count: 1 },
      { month: '2026-08', count: 0 },
    ]);
    expect(all.expiriesByMonth.find((m) => m.month === '2026-09')?.count).toBe(1);
    expect(all.expiriesByMonth.find((m) => m.month === '2027-03')?.count).toBe(1);

    const soon = (
      await get('megan', '/admin/certificates?expiringWithin=60')
    ).json() as OrganisationCertificatesResponse;
    expect(soon.rows.map((r) => [r.userId, r.certificationId])).toEqual([[demo.alex, 'smoke-diving']]);
    const firstAidOnly = (
      await get('megan', '/admin/certificates?certification=first-aid&expiringWithin=90')
    ).json() as OrganisationCertificatesResponse;
    expect(firstAidOnly.rows.map((r) => [r.userId, r.daysLeft])).toEqual([[demo.alex, 80]]);
    expect(firstAidOnly.expiriesByMonth.reduce((n, m) => n + m.count, 0)).toBe(2);
  });

  it('a bad filter is a 400 that says which', async () => {
    const res = await get('megan', '/admin/certificates?expiringWithin=soon&certification=Nope!');
    expect(res.status).toBe(400);
    const paths = (res.json() as { error: { issues: Array<{ path: string }> } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths.sort()).toEqual(['certification', 'expiringWithin']);
  });

  it('exports CSV with every filtered row, formulas neutralised', async () => {
    const res = await get('megan', '/admin/certificates/export.csv?certification=first-aid');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="certificates-${today}.csv"`);
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'user,name,department,certification,certification title,status,valid until,days left,due on,cycles',
    );
    expect(lines).toHaveLength(4);
    const patti = lines.find((l) => l.startsWith('pattif@'))!;
    expect(patti).toContain(`"'=HYPERLINK(""http://evil.example"",""Patti"")"`);
    expect(
      lines.some((l) =>
        /^isaiahl@[^,]+,Isaiah Langer,IT,first-aid,Førstehjelp,overdue,,,2025-03-01,0$/.test(l),
      ),
    ).toBe(true);
  });
});
