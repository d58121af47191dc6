import * as AC from 'adaptivecards';
import express from 'express';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import { composeBroadcasts } from '../../src/composeBroadcasts.ts';
import type {
  AcknowledgementRatesResponse,
  AudienceResolutionResponse,
  BroadcastDetailResponse,
  BroadcastListResponse,
  BroadcastPreviewResponse,
  TeamAcknowledgementsResponse,
} from '../../src/http/tabs/contract.ts';
import { tabApiRouter } from '../../src/http/tabs/router.ts';
import { correlation } from '../../src/http/correlation.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createSsoVerifier, requireTabSso } from '../../src/http/tabs/sso.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { TableLeaseStore } from '../../src/store/platform/leaseStore.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { acknowledgeGuideline } from '../../src/usecases/broadcasts/acknowledgeGuideline.ts';
import { fanOutBroadcasts } from '../../src/usecases/broadcasts/fanOutBroadcasts.ts';
import { FakeChatSender, FakeOutboundPipeline } from '../../src/usecases/delivery/testing/fakes.ts';
import { systemClock } from '../../src/domain/platform/clock.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { demo, demoPersonRows, startDemoSimulator, tabToken } from '../support/tabApi.ts';

// The outbound pipeline is its own capability, tested against Azurite and the connector simulator;
// here its in-memory fake stands in (sends through a recording sender), so these tests see exactly
// what the broadcasts routes and stores do.
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let server: http.Server;
let base: string;
let composed: ReturnType<typeof composeBroadcasts>;
const sender = new FakeChatSender();
const outbound = new FakeOutboundPipeline({ sender, now: () => new Date() });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  [azurite, sim] = await Promise.all([startTestAzurite(), startDemoSimulator()]);
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(storage);
  const people = new TablePeopleStore(
    storage.table(tableNames.people),
    storage.table(tableNames.tenants),
    new TableManagerIndex(storage.table(tableNames.managerIndex)),
  );
  for (const person of demoPersonRows()) await people.upsert(person);
  composed = composeBroadcasts({
    storage,
    clock: systemClock,
    people,
    leases: new TableLeaseStore(storage.table(tableNames.leases)),
    outbound,
    defaultTimeZone: 'Europe/Oslo',
  });
  outbound.register(composed.kind);
  const verify = createSsoVerifier({
    authorityHost: sim.url,
    clientId: sandboxTabApp.clientId,
    servesTenant: (t) => t === demoTenant.id,
  });
  const app = express();
  app.use(correlation(createLogger('silent')));
  app.use(
    '/api/tab',
    tabApiRouter({
      authenticate: requireTabSso(verify),
      mounts: composed.tabMounts(),
      largeBodies: composed.largeBodies,
    }),
  );
  app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ error: error.message });
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/tab`;
  for (const [name, id] of Object.entries(demo)) tokens[name] = await tabToken(sim, { user: id });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await sim?.stop();
  await azurite?.child.stop();
});

async function call(who: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[who]}`,
      'content-type': 'application/json',
      'accept-language': 'nb-NO',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined; // the CSV export
  }
  return { status: res.status, json: json as Record<string, unknown>, text, headers: res.headers };
}

const draft = {
  variants: {
    en: { title: 'Hand hygiene', body: 'Wash your hands for **20 seconds**.' },
    nb: { title: 'Håndhygiene', body: 'Vask hendene i **20 sekunder**.' },
  },
  defaultLanguage: 'en',
  requiresAcknowledgement: true,
  dueDate: '2026-12-31',
};

describe('the Admin tab API for broadcasts', () => {
  it('refuses everyone but HR admins, on every route, before reading anything', async () => {
    for (const [method, path] of [
      ['GET', '/admin/broadcasts'],
      ['GET', '/admin/audience/facets'],
      ['POST', '/admin/audience'],
      ['POST', '/admin/broadcasts/preview'],
      ['POST', '/admin/broadcasts'],
      ['GET', '/admin/broadcasts/x'],
      ['POST', '/admin/broadcasts/x/recall'],
      ['GET', '/admin/broadcasts/x/export.csv'],
    ] as const) {
      const res = await call('adele', method, path, method === 'POST' ? {} : undefined);
      expect([path, res.status]).toEqual([path, 403]);
    }
  });

  it('previews the real card of each language, which the Adaptive Cards SDK renders', async () => {
    const res = await call('megan', 'POST', '/admin/broadcasts/preview', draft);
    expect(res.status).toBe(200);
    const { cards } = res.json as unknown as BroadcastPreviewResponse;
    expect(cards.map((c) => c.language)).toEqual(['en', 'nb']);
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(cards[1]!.card, context);
    expect([context.eventCount, card.validateProperties().validationEvents.length]).toEqual([0, 0]);
    expect(JSON.stringify(cards[1]!.card)).toContain('Jeg har lest og forstått');
    const bad = await call('megan', 'POST', '/admin/broadcasts/preview', {
      ...draft,
      link: 'http://x.example',
    });
    expect([bad.status, bad.json.error]).toMatchObject([
      400,
      { issues: [{ path: 'link', message: 'must be an https URL' }] },
    ]);
  });

  it('counts an audience live, names addresses that match nobody, and explains a bad expression', async () => {
    const res = await call('megan', 'POST', '/admin/audience', {
      expression: 'department:"helse og omsorg" and not jobTitle:Enhetsleder',
      addresses: 'email\nmeganb@drypp-kommune.example\nnobody@drypp-kommune.example',
    });
    expect(res.status).toBe(200);
    const count = res.json as unknown as AudienceResolutionResponse;
    expect([count.count, count.unmatchedAddresses, count.unmatchedAddressCount]).toEqual([
      3,
      ['nobody@drypp-kommune.example'],
      1,
    ]);
    const bad = await call('megan', 'POST', '/admin/audience', { expression: 'department:' });
    expect([bad.status, bad.json.error]).toMatchObject([
      400,
      { issues: [{ path: 'expression', message: 'column 12: expected a value after "department:"' }] },
    ]);
    const facets = await call('megan', 'GET', '/admin/audience/facets');
    expect(facets.json.everyone).toBe(6);
  });

  it('refuses a send with unmatched addresses (nothing stored), then sends, counts and acknowledges', async () => {
    const body = {
      draft,
      audience: { expression: 'org:adelev@drypp-kommune.example', addresses: 'ghost@x.example' },
      send: {},
    };
    const refused = await call('megan', 'POST', '/admin/broadcasts', body);
    expect([
      refused.status,
      (refused.json.audience as AudienceResolutionResponse).unmatchedAddresses,
    ]).toEqual([409, ['ghost@x.example']]);
    expect((await call('megan', 'GET', '/admin/broadcasts')).json.broadcasts).toEqual([]);

    const created = await call('megan', 'POST', '/admin/broadcasts', { ...body, skipUnmatched: true });
    expect(created.status).toBe(201);
    const id = (created.json as unknown as BroadcastDetailResponse).broadcast.id;
    await fanOutBroadcasts(composed.deps, 'test');
    await outbound.drain();
    expect(sender.sent.map((s) => s.userId).sort()).toEqual([demo.alex, demo.adele, demo.lynne].sort());
    await acknowledgeGuideline(
      composed.deps,
      { tenantId: demoTenant.id, userId: demo.alex, roles: ['learner'] },
      {
        broadcastId: id,
        version: 1,
      },
    );

    const list = (await call('megan', 'GET', '/admin/broadcasts')).json as unknown as BroadcastListResponse;
    expect(list.broadcasts.map((b) => [b.title, b.status, b.progress.sent, b.progress.acknowledged])).toEqual(
      [['Håndhygiene', 'sent', 3, 1]],
    );
    expect(list.broadcasts[0]!.actions).toEqual(['correct', 'recall', 'export', 'viewRates', 'setReminders']);

    const rates = (await call('megan', 'GET', `/admin/broadcasts/${id}/rates`))
      .json as unknown as AcknowledgementRatesResponse;
    expect(rates.byDepartment).toEqual([
      { key: 'Helse og omsorg', label: 'Helse og omsorg', recipients: 3, acknowledged: 1, rate: 1 / 3 },
    ]);

    const team = (await call('adele', 'GET', '/my-team/acknowledgements'))
      .json as unknown as TeamAcknowledgementsResponse;
    expect(team.guidelines[0]!.notAcknowledged.map((p) => [p.displayName, p.actions])).toEqual([
      ['Lynne Robbins', ['nudgeAcknowledgement']],
    ]);
    const nudge = `/my-team/acknowledgements/${id}/people/${demo.lynne}/nudge`;
    expect((await call('adele', 'POST', nudge)).status).toBe(202);
    expect((await call('adele', 'POST', nudge)).status).toBe(429);
    expect((await call('isaiah', 'POST', nudge)).status).toBe(403);

    const csv = await call('megan', 'GET', `/admin/broadcasts/${id}/export.csv`);
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(4);

    const correction = {
      draft: {
        ...draft,
        variants: { ...draft.variants, nb: { title: 'Håndhygiene', body: 'Vask i 30 s.' } },
      },
      changeNote: '30 sekunder',
    };
    const corrected = await call('megan', 'POST', `/admin/broadcasts/${id}/corrections`, correction);
    expect(
      (corrected.json as unknown as BroadcastDetailResponse).broadcast.versions.map((v) => v.changeNote),
    ).toEqual([undefined, '30 sekunder']);
    expect(outbound.corrections.filter((c) => c.op === 'update')).toHaveLength(3);

    const recalled = await call('megan', 'POST', `/admin/broadcasts/${id}/recall`);
    expect((recalled.json as unknown as BroadcastDetailResponse).broadcast.status).toBe('recalled');
    expect((await call('megan', 'POST', `/admin/broadcasts/${id}/recall`)).status).toBe(409);
  });

  it('takes a pasted list larger than 16 kB where it is expected, and nowhere else', async () => {
    const addresses = Array.from({ length: 2000 }, (_, i) => `someone.${i}@drypp-kommune.example`).join('\n');
    const big = await call('megan', 'POST', '/admin/audience', { addresses });
    expect([big.status, (big.json as unknown as AudienceResolutionResponse).unmatchedAddressCount]).toEqual([
      200, 2000,
    ]);
    const elsewhere = await call('megan', 'POST', '/admin/broadcasts/preview', { ...draft, junk: addresses });
    expect(elsewhere.status).toBe(400);
  });
});
