import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../testing.ts';

type Page = {
  value: Array<Record<string, unknown> & { id: string }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};

let sim: TestSimulator;
let now = new Date('2025-03-03T08:00:00Z');
beforeEach(async () => {
  now = new Date('2025-03-03T08:00:00Z');
  sim = await startTestSimulator({ clock: () => now });
});
afterEach(() => sim.stop());

async function get(url: string, pageSize?: number): Promise<Page> {
  const response = await sim.graph(
    url,
    pageSize ? { headers: { prefer: `odata.maxpagesize=${pageSize}` } } : {},
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** Follows nextLinks to the end of a round; the pages and the deltaLink. */
async function round(first: string, pageSize?: number): Promise<{ pages: Page[]; deltaLink: string }> {
  const pages = [await get(first, pageSize)];
  while (pages.at(-1)!['@odata.nextLink']) pages.push(await get(pages.at(-1)!['@odata.nextLink']!, pageSize));
  return { pages, deltaLink: pages.at(-1)!['@odata.deltaLink']! };
}

describe('/users/delta', () => {
  it('pages by Prefer: odata.maxpagesize with $skiptoken nextLinks, then a $deltatoken deltaLink', async () => {
    const { pages, deltaLink } = await round('/users/delta?$select=displayName,department', 2);
    expect(pages.map((p) => p.value.length)).toEqual([2, 2, 1]);
    expect(pages[0]!['@odata.nextLink']).toMatch(/\/v1\.0\/users\/delta\?\$skiptoken=/);
    expect(pages[0]!['@odata.deltaLink']).toBeUndefined();
    expect(deltaLink).toMatch(/\/v1\.0\/users\/delta\?\$deltatoken=/);
    expect(pages[0]!.value[0]).toEqual({
      id: 'c0000000-0000-4000-8000-000000000001',
      displayName: 'Hanne Boss',
      department: 'HR',
    });
  });

  it('returns Graph’s default properties without $select, and refuses unknown or mailbox properties', async () => {
    const page = await get('/users/delta');
    expect(Object.keys(page.value[0]!).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect((await sim.graph('/users/delta?$select=shoeSize')).status).toBe(400);
    expect((await sim.graph('/users/delta?$select=mailboxSettings')).status).toBe(501);
  });

  it('answers a deltaLink with only the changes since, and removals as @removed', async () => {
    const { deltaLink } = await round('/users/delta?$select=displayName,department,accountEnabled');
    expect((await round(deltaLink)).pages.flatMap((p) => p.value)).toEqual([]);

    const hired = await (
      await sim.control('hire', { name: 'Maja Berg', department: 'Care', manager: 'hanne@contoso.example' })
    ).json();
    await sim.control('move', { user: 'ola@contoso.example', department: 'HR' });
    await sim.control('leave', { user: 'kari@contoso.example', mode: 'delete' });
    await sim.control('leave', { user: 'per@contoso.example', mode: 'purge' });
    const next = await round(deltaLink);
    const changes = next.pages.flatMap((p) => p.value);
    expect(changes).toEqual([
      {
        id: (hired as { user: { id: string } }).user.id,
        displayName: 'Maja Berg',
        department: 'Care',
        accountEnabled: true,
      },
      expect.objectContaining({ displayName: 'Ola Nordmann', department: 'HR' }),
      { id: expect.any(String), '@removed': { reason: 'changed' } },
      { id: expect.any(String), '@removed': { reason: 'deleted' } },
    ]);
    expect((await round(next.deltaLink)).pages.flatMap((p) => p.value)).toEqual([]);
  });

  it('leaves out changes to properties that were not selected', async () => {
    const { deltaLink } = await round('/users/delta?$select=department');
    await sim.control('move', { user: 'ola@contoso.example', jobTitle: 'Architect' });
    expect((await round(deltaLink)).pages.flatMap((p) => p.value)).toEqual([]);
    await sim.control('move', { user: 'ola@contoso.example', department: 'Ops' });
    expect((await round(deltaLink)).pages.flatMap((p) => p.value)).toEqual([
      expect.objectContaining({ department: 'Ops' }),
    ]);
  });

  it('reports the manager as manager@delta when selected', async () => {
    const page = await get('/users/delta?$select=displayName,manager');
    const ola = page.value.find((u) => u.displayName === 'Ola Nordmann')!;
    expect(ola['manager@delta']).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: 'c0000000-0000-4000-8000-000000000001' },
    ]);
  });

  it('allows replaying a page', async () => {
    const first = await get('/users/delta', 2);
    const again = await get(first['@odata.nextLink']!, 2);
    expect(await get(first['@odata.nextLink']!, 2)).toEqual(again);
  });

  it('answers 410 to a bogus token, an expired one, and after a reset', async () => {
    const bogus = await sim.graph('/users/delta?$deltatoken=bm90LWEtdG9rZW4.abc');
    expect(bogus.status).toBe(410);
    expect(((await bogus.json()) as { error: { code: string } }).error.code).toBe('syncStateNotFound');
    expect(bogus.headers.get('location')).toMatch(/\/v1\.0\/users\/delta$/);

    const { deltaLink } = await round('/users/delta?$select=displayName');
    await sim.control('delta/reset', {});
    const reset = await sim.graph(deltaLink);
    expect(reset.status).toBe(410);
    expect(((await reset.json()) as { error: { code: string } }).error.code).toBe('resyncRequired');
    expect(reset.headers.get('location')).toMatch(/\/v1\.0\/users\/delta\?\$select=displayName$/);

    const fresh = await round('/users/delta');
    now = new Date(now.getTime() + 8 * 86_400_000);
    expect((await sim.graph(fresh.deltaLink, { token: await sim.token() })).status).toBe(410);
  });

  it('starts from now with $deltatoken=latest', async () => {
    const latest = await get('/users/delta?$deltatoken=latest');
    expect(latest.value).toEqual([]);
    await sim.control('move', { user: 'ola@contoso.example', department: 'Ops' });
    expect((await round(latest['@odata.deltaLink']!)).pages.flatMap((p) => p.value)).toHaveLength(1);
  });
});

describe('directory reads', () => {
  it('serves a user, the manager, direct reports, group members and mailbox settings', async () => {
    const ola = (await (
      await sim.graph('/users/ola@contoso.example?$select=id,department,createdDateTime')
    ).json()) as Record<string, string>;
    expect(ola).toMatchObject({ department: 'IT', createdDateTime: expect.any(String) });
    const manager = (await (await sim.graph(`/users/${ola.id}/manager`)).json()) as Record<string, string>;
    expect(manager).toMatchObject({ '@odata.type': '#microsoft.graph.user', displayName: 'Hanne Boss' });
    const reports = (await (
      await sim.graph('/users/hanne@contoso.example/directReports?$select=displayName')
    ).json()) as Page;
    expect(reports.value.map((u) => u.displayName).sort()).toEqual(['Kari Nordmann', 'Ola Nordmann']);
    expect((await sim.graph('/users/frida@contoso.example/manager')).status).toBe(404);
    const members = (await (
      await sim.graph('/groups/d0000000-0000-4000-8000-000000000001/members')
    ).json()) as Page;
    expect(members.value).toHaveLength(2);
    const tz = (await (await sim.graph('/users/ola@contoso.example?$select=mailboxSettings')).json()) as {
      mailboxSettings: { timeZone: string };
    };
    expect(tz.mailboxSettings.timeZone).toBe('W. Europe Standard Time');
    const frontline = await sim.graph('/users/frida@contoso.example/mailboxSettings');
    expect(frontline.status).toBe(404);
    expect(((await frontline.json()) as { error: { code: string } }).error.code).toBe(
      'MailboxNotEnabledForRESTAPI',
    );
  });
});
