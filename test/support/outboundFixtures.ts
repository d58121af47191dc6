import path from 'node:path';
import { startChild, type Child } from '../../sandbox/child.ts';
import { TableConversationStore } from '../../src/store/delivery/conversationStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { mapLimit } from '../../src/usecases/platform/mapLimit.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface OutboundWorker extends Child {
  /** The worker's outcome counts (sent, retried, failed, …), as it last printed them. */
  outcomes(): Record<string, number>;
}

/** Starts test/support/outboundWorker.ts on the store and waits until it consumes. */
export async function startOutboundWorker(
  name: string,
  connectionString: string,
  env: Record<string, string> = {},
): Promise<OutboundWorker> {
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ready = resolve));
  let outcomes: Record<string, number> = {};
  const child = startChild(
    name,
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test/support/outboundWorker.ts')],
    {
      cwd: repoRoot,
      env: {
        STORAGE: connectionString,
        WORKER_NAME: name,
        DRYPP_OUTBOUND_VISIBILITY_S: '5',
        LOG_LEVEL: 'warn',
        ...env,
      },
      echo: (line) => {
        if (line === 'OUTBOUND_WORKER_READY') ready();
        const json = /^OUTBOUND_OUTCOMES (.*)$/.exec(line)?.[1];
        if (json) outcomes = JSON.parse(json) as Record<string, number>;
      },
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.process.once('exit', () => reject(new Error(`${name} exited while starting:\n${child.tail()}`))),
  );
  exited.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${child.tail()}`)), 60_000).unref(),
  );
  await Promise.race([started, exited, timeout]);
  return Object.assign(child, { outcomes: () => outcomes });
}

/** SIGKILL: no shutdown handler runs, nothing in flight is finished or recorded. */
export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  process.kill(-child.process.pid!, 'SIGKILL');
  await exited;
}

/** A person's chat with the bot, at the given connector (as Teams' installationUpdate gives it). */
export function chatOf(tenantId: string, userId: string, serviceUrl: string) {
  return {
    tenantId,
    userId,
    conversationId: `a:${userId}`,
    locale: 'en-US',
    updatedAt: new Date().toISOString(),
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId },
      user: { id: `29:${userId}`, aadObjectId: userId },
      bot: { id: '28:drypp' },
    },
  };
}

/** `count` people with a known chat at the connector; their ids (GUID-like, distinct per prefix). */
export async function seedPeopleWithChats(
  storage: StorageClients,
  tenantId: string,
  count: number,
  serviceUrl: string,
  prefix = 'a0',
): Promise<string[]> {
  const conversations = new TableConversationStore(
    storage.table(tableNames.conversations),
    storage.table(tableNames.welcomes),
  );
  const ids = Array.from(
    { length: count },
    (_, i) => `${prefix}${String(i).padStart(6, '0')}-0000-4000-8000-000000000000`,
  );
  await mapLimit(ids, 32, (id) => conversations.save(chatOf(tenantId, id, serviceUrl)));
  return ids;
}
