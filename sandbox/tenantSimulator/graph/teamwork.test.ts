import { afterEach, describe, expect, it } from 'vitest';
import type { AppInstalled } from './teamwork.ts';
import { TEAMS_APP_ID, startTestSimulator, type TestSimulator } from '../testing.ts';

let sim: TestSimulator | undefined;
afterEach(() => sim?.stop());

const bind = (id = TEAMS_APP_ID) =>
  JSON.stringify({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}` });

describe('installedApps', () => {
  it('installs with 201, answers 409 the second time, and tells the hook', async () => {
    const installed: AppInstalled[] = [];
    sim = await startTestSimulator({
      onAppInstalled: (_tenant, _user, details) => void installed.push(details),
    });
    const first = await sim.graph('/users/ola@contoso.example/teamwork/installedApps', {
      method: 'POST',
      body: bind(),
    });
    expect(first.status).toBe(201);
    const again = await sim.graph('/users/ola@contoso.example/teamwork/installedApps', {
      method: 'POST',
      body: bind(),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('Conflict');
    await new Promise((resolve) => setImmediate(resolve));
    const ola = sim.state.tenant('contoso.example')!.liveUser('ola@contoso.example')!;
    expect(installed).toEqual([
      expect.objectContaining({
        userId: ola.id,
        teamsAppId: TEAMS_APP_ID,
        chatId: `19:${ola.id}_bot-id@unq.gbl.spaces`,
      }),
    ]);
  });

  it('lists installations with $expand and $filter, and gives the chat', async () => {
    sim = await startTestSimulator({ chatIdFor: () => 'a:playground-chat' });
    await sim.graph('/users/kari@contoso.example/teamwork/installedApps', { method: 'POST', body: bind() });
    const list = await sim.graph(
      `/users/kari@contoso.example/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${TEAMS_APP_ID}'`,
    );
    const { value } = (await list.json()) as {
      value: Array<{ id: string; teamsApp: { id: string; externalId: string } }>;
    };
    expect(value).toHaveLength(1);
    expect(value[0]!.teamsApp).toMatchObject({ id: TEAMS_APP_ID, externalId: 'manifest-id' });
    const none = await sim.graph(
      `/users/kari@contoso.example/teamwork/installedApps?$filter=teamsApp/id eq 'other'`,
    );
    expect(((await none.json()) as { value: unknown[] }).value).toEqual([]);
    const chat = await sim.graph(`/users/kari@contoso.example/teamwork/installedApps/${value[0]!.id}/chat`);
    expect(await chat.json()).toMatchObject({ id: 'a:playground-chat', chatType: 'oneOnOne' });
  });

  it('answers 404 for an app outside the catalog and for accounts Teams has not provisioned yet', async () => {
    sim = await startTestSimulator({ faults: { teamsProvisioningSeconds: 600 } });
    expect(
      (
        await sim.graph('/users/ola@contoso.example/teamwork/installedApps', {
          method: 'POST',
          body: bind('not-in-catalog'),
        })
      ).status,
    ).toBe(404);
    await sim.control('hire', { name: 'Brand New' });
    const early = await sim.graph('/users/brand.new@contoso.example/teamwork/installedApps', {
      method: 'POST',
      body: bind(),
    });
    expect(early.status).toBe(404);
    await sim.control('clock/advance', { seconds: 601 });
    const later = await sim.graph('/users/brand.new@contoso.example/teamwork/installedApps', {
      method: 'POST',
      body: bind(),
      token: await sim.token(),
    });
    expect(later.status).toBe(201);
  });
});
