import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedFromDemoOrganisation } from '../state/demoSeed.ts';
import { demoPeople } from '../../demoOrganisation.ts';
import { TENANT, startTestSimulator, testTenant, type TestSimulator } from '../testing.ts';

let sim: TestSimulator | undefined;
afterEach(() => sim?.stop());

describe('controls', () => {
  it('hires with a manager, a given id and no mailbox; moves; and refuses bad input', async () => {
    sim = await startTestSimulator();
    const id = '0e0e0e0e-1111-4222-8333-444444444444';
    const hire = await sim.control('hire', {
      name: 'Åse Ærlig',
      department: 'Care',
      manager: 'hanne@contoso.example',
      id,
      mailbox: false,
    });
    expect(hire.status).toBe(200);
    expect(((await hire.json()) as { user: unknown }).user).toMatchObject({
      id,
      userPrincipalName: 'ase.aerlig@contoso.example',
      mail: null,
      department: 'Care',
    });
    const moved = await sim.control('move', {
      user: 'ase.aerlig@contoso.example',
      jobTitle: 'Nurse',
      mailbox: true,
    });
    expect(((await moved.json()) as { user: unknown }).user).toMatchObject({
      jobTitle: 'Nurse',
      mail: 'ase.aerlig@contoso.example',
    });
    expect((await sim.control('hire', { department: 'No name' })).status).toBe(400);
    expect((await sim.control('hire', { name: 'X', manager: 'nobody@contoso.example' })).status).toBe(404);
    expect((await sim.control('hire', { name: 'Dup', id })).status).toBe(400);
    expect((await sim.control('leave', { user: 'nobody@contoso.example' })).status).toBe(404);
  });

  it('seeds 100,000 people', async () => {
    sim = await startTestSimulator();
    const response = await sim.control('seed', { users: 100_000 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ added: 100_000, total: 100_005 });
    const page = (await (
      await sim.graph('/users/delta', { headers: { prefer: 'odata.maxpagesize=999' } })
    ).json()) as { value: unknown[] };
    expect(page.value).toHaveLength(999);
    // Seeding 100,000 takes about a second on a quiet machine; the default 5 s is too tight on a busy one.
  }, 30_000);

  it('keeps the directory, keys and delta links in the data file across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drypp-sim-'));
    const dataFile = path.join(dir, 'sim.json');
    try {
      sim = await startTestSimulator({ dataFile });
      const token = await sim.token();
      let page = (await (await sim.graph('/users/delta?$select=displayName')).json()) as {
        '@odata.deltaLink': string;
      };
      await sim.control('hire', { name: 'Maja Berg' });
      await sim.stop();
      sim = await startTestSimulator({ dataFile, port: Number(new URL(page['@odata.deltaLink']).port) });
      page = (await (await sim.graph(page['@odata.deltaLink'], { token })).json()) as never;
      expect((page as unknown as { value: unknown[] }).value).toEqual([
        expect.objectContaining({ displayName: 'Maja Berg' }),
      ]);
      expect(sim.state.tenant(TENANT)!.users).toHaveLength(testTenant().users!.length + 1);
    } finally {
      await sim?.stop();
      sim = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the demo organisation', () => {
  it('has the Playground people with their object ids, managers and old accounts', () => {
    const tenant = seedFromDemoOrganisation();
    expect(tenant.users!.map((u) => u.id)).toEqual(demoPeople.map((p) => p.id));
    expect(tenant.users![0]).toMatchObject({
      manager: demoPeople[0]!.managerId,
      createdDateTime: expect.stringMatching(/^2019-/),
    });
    const without = seedFromDemoOrganisation({ omit: [demoPeople[0]!.id] });
    expect(without.users!.map((u) => u.id)).not.toContain(demoPeople[0]!.id);
  });
});
