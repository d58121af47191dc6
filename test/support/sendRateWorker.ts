/**
 * One worker process for the shared send rate test (test/integration/shared-send-rate.test.ts):
 * it sends to the connector simulator as fast as the shared per-tenant rate lets it, from several
 * concurrent senders, until the deadline, then prints one JSON line with what it saw.
 */
import { sendRate, type SendRate } from '../../src/domain/delivery/sendRate.ts';
import { TableSendRateStore } from '../../src/store/delivery/sendRateStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { SharedTenantSendRate } from '../../src/usecases/delivery/sharedSendRate.ts';

const env = (name: string) => process.env[name] ?? '';
const connector = env('CONNECTOR_URL');
const tenantId = env('TENANT_ID');
const worker = env('WORKER_NAME');
const deadline = Number(env('START_AT_MS')) + Number(env('DURATION_MS'));
const rate = sendRate(Number(env('SENDS_PER_SECOND'))) as SendRate;

const clients = new StorageClients({ kind: 'connectionString', connectionString: env('STORAGE') });
const shared = new SharedTenantSendRate({
  rate,
  store: new TableSendRateStore(clients.table(tableNames.sendRate)),
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
});

const seen = { sent: 0, refused: 0 };
let next = 0;
async function sender(): Promise<void> {
  while (Date.now() < deadline) {
    await shared.take(tenantId);
    if (Date.now() >= deadline) return;
    const conversationId = `${worker}-${next++}`; // one send per conversation: only the tenant limit applies
    const res = await fetch(`${connector}v3/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: `card ${conversationId}`,
        conversation: { id: conversationId, tenantId },
      }),
    });
    if (res.status === 201) seen.sent++;
    else seen.refused++;
    await res.arrayBuffer();
  }
}

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(env('START_AT_MS')) - Date.now())));
await Promise.all(Array.from({ length: 8 }, () => sender()));
process.stdout.write(`${JSON.stringify({ worker, ...seen })}\n`);
