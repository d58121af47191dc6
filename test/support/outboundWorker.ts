/**
 * One outbound worker process on a store, for the pipeline's integration tests and benchmarks: the
 * production pipeline (src/composeOutbound.ts: status rows, queues, shared rate, botbuilder's
 * connector) with one kind of card of its own, 'plain', whose card shows `ref.text`. It runs until
 * SIGTERM (or is killed). Settings: STORAGE (connection string), and any DRYPP_* outbound setting
 * (DRYPP_TENANT_SENDS_PER_SECOND, DRYPP_OUTBOUND_CONCURRENCY, DRYPP_OUTBOUND_VISIBILITY_S,
 * DRYPP_TEAMS_LIMITS_LIFTED). Prints `OUTBOUND_WORKER_READY` once it consumes.
 */
import { loadConfig } from '../../src/config/config.ts';
import { composeOutbound } from '../../src/composeOutbound.ts';
import { systemClock } from '../../src/domain/platform/clock.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import { createLogger } from '../../src/log/logger.ts';
import { TableConversationStore } from '../../src/store/delivery/conversationStore.ts';
import { TableReachabilityStore } from '../../src/store/directory/reachabilityStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { createBotAdapter } from '../../src/teams/botAdapter.ts';
import { BotTeamsConnector } from '../../src/teams/teamsConnector.ts';
import type { OutboundCardKind } from '../../src/usecases/delivery/outboundPorts.ts';

export const plainKind: OutboundCardKind = {
  kind: 'plain',
  async render(item, context) {
    if (item.ref.skip) return { skip: String(item.ref.skip) };
    // A card that can never be rendered: its message must end in the poison queue, not loop.
    if (item.ref.explode) throw new Error('this card cannot be rendered');
    const text = `${String(item.ref.text ?? item.key)}${context.purpose === 'update' ? ' (corrected)' : ''}`;
    return {
      card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] },
    };
  },
};

const config = loadConfig({
  ...process.env,
  DRYPP_MODE: 'test',
  DRYPP_STORAGE_CONNECTION_STRING: process.env.STORAGE,
});
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const storage = new StorageClients(config.storage);
await ensureStorage(storage);
const outbound = composeOutbound({
  config,
  storage,
  clock: systemClock,
  conversations: new TableConversationStore(
    storage.table(tableNames.conversations),
    storage.table(tableNames.welcomes),
  ),
  reachability: new TableReachabilityStore(storage.table(tableNames.reachability)),
  connector: new BotTeamsConnector(createBotAdapter(config.bot), config.bot.appId ?? ''),
  log,
  workerId: process.env.WORKER_NAME,
});
const job = outbound.consumer([plainKind]);
const worker = startWorker([{ ...job, intervalMs: 100 }], log);
process.stdout.write('OUTBOUND_WORKER_READY\n');
// The outcomes so far, once a second, for tests that want to see what a worker did.
const report = setInterval(
  () => process.stdout.write(`OUTBOUND_OUTCOMES ${JSON.stringify(job.outcomes)}\n`),
  1000,
);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    clearInterval(report);
    void worker.stop().finally(() => {
      process.stdout.write(`OUTBOUND_OUTCOMES ${JSON.stringify(job.outcomes)}\n`);
      process.exit(0);
    });
  });
}
