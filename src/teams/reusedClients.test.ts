import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from './reusedClients.ts';

/** Authentication off (no app id), as in the sandbox: the same path every activity takes. */
const auth = () => new ReusingBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
const activity = (serviceUrl: string) =>
  ({ type: 'invoke', channelId: 'msteams', serviceUrl, conversation: { id: 'a:1' } }) as Activity;

describe('connector and token clients reused across activities', () => {
  it('gives every activity to the same service URL the same clients, and another URL its own', async () => {
    const reusing = auth();
    const first = await reusing.authenticateRequest(activity('http://127.0.0.1:3978/'), '');
    const second = await reusing.authenticateRequest(activity('http://127.0.0.1:3978/'), '');
    const a = await first.connectorFactory!.create('http://127.0.0.1:3978/', first.audience);
    const b = await second.connectorFactory!.create('http://127.0.0.1:3978/', second.audience);
    expect(b).toBe(a);
    const elsewhere = await second.connectorFactory!.create('http://127.0.0.1:3979/', second.audience);
    expect(elsewhere).not.toBe(a);

    // The outbound pipeline's proactive calls: clients of their own, reused, without hidden retries.
    const proactive = await reusing
      .createConnectorFactory(first.claimsIdentity)
      .create('http://127.0.0.1:3978/', first.audience);
    expect(proactive).not.toBe(a);
    expect(
      await reusing
        .createConnectorFactory(second.claimsIdentity)
        .create('http://127.0.0.1:3978/', first.audience),
    ).toBe(proactive);
    expect(policies(a)).toContain('defaultRetryPolicy');
    expect(policies(proactive)).not.toContain('defaultRetryPolicy');
    expect(policies(proactive).length).toBeGreaterThan(0);
    expect(await reusing.createUserTokenClient(second.claimsIdentity)).toBe(
      await reusing.createUserTokenClient(first.claimsIdentity),
    );
  });

  it('keeps a bounded number of clients when activities name many service URLs', async () => {
    const reusing = auth();
    const result = await reusing.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const factory = result.connectorFactory!;
    const oldest = await factory.create('http://127.0.0.1:1/', result.audience);
    for (let port = 2; port <= 101; port++)
      await factory.create(`http://127.0.0.1:${port}/`, result.audience);
    expect(await factory.create('http://127.0.0.1:101/', result.audience)).toBe(
      await factory.create('http://127.0.0.1:101/', result.audience),
    );
    // The first one was dropped to make room: asking again builds a new client.
    expect(await factory.create('http://127.0.0.1:1/', result.audience)).not.toBe(oldest);
  });
});

function policies(client: object): string[] {
  const pipeline = (client as { client: { pipeline: { getOrderedPolicies(): Array<{ name: string }> } } })
    .client.pipeline;
  return pipeline.getOrderedPolicies().map((p) => p.name);
}
