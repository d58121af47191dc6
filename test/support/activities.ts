import { randomUUID } from 'node:crypto';

/** Activities shaped the way Teams sends them to a bot in a personal chat. */
export function personalActivity(
  serviceUrl: string,
  person: { tenantId: string; userId: string; locale?: string },
  fields: Record<string, unknown>,
) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: person.locale ?? 'en-US',
    from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: 'Test Person' },
    recipient: { id: '28:drypp-bot', name: 'Drypp' },
    conversation: { id: `a:${person.userId}`, conversationType: 'personal', tenantId: person.tenantId },
    channelData: { tenant: { id: person.tenantId } },
    ...fields,
  };
}
