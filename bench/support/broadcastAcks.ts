import { performance } from 'node:perf_hooks';
import { newBroadcast } from '../../src/domain/broadcasts/broadcast.ts';
import { TableBroadcastStore } from '../../src/store/broadcasts/broadcastStore.ts';
import { TableRecipientStore } from '../../src/store/broadcasts/recipientStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { startBenchAzurite } from './benchAzurite.ts';
import { startFakeConnector } from '../../test/support/fakeConnector.ts';
import { sendInvoke, type InvokeOutcome } from './cardInvokes.ts';
import type { Cleanup } from './cleanup.ts';
import { cpuMeter } from './cpuTime.ts';
import { startDryppProcess } from './dryppProcess.ts';
import { machine, progress } from './results.ts';
import { roundMs, summarize } from './stats.ts';

/**
 * `npm run bench -- broadcast --acks 20000`: a guideline that requires acknowledgement, sent to
 * that many people, acknowledged by all of them through the bot endpoint (real Action.Execute
 * invokes, as Teams sends them, to Drypp's web role as its own process) arriving open-loop at
 * --ack-rate a second: the next one goes out on time whether or not earlier ones were answered,
 * and latency counts from its planned arrival. Each answer must be the card saying "Acknowledged
 * on"; at the end the broadcast's tally must count every one of them (and the rows agree).
 */
export interface AcksOptions {
  acks: number;
  ratePerS: number;
}

const TARGET_P95_MS = 300;
const tenantId = 'acacacac-0000-4000-8000-00000000ac05';
const broadcastId = 'bench-acks';

export async function runAcks(options: AcksOptions, cleanup: Cleanup) {
  progress(`acks: a private Azurite, a guideline to ${options.acks} people`);
  const azurite = await startBenchAzurite();
  cleanup.addChild(azurite.child);
  const connector = await startFakeConnector();
  cleanup.add(() => connector.stop());
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(storage);
  const broadcasts = new TableBroadcastStore(
    storage.table(tableNames.broadcasts),
    storage.table(tableNames.broadcastVersions),
    storage.table(tableNames.broadcastAudiences),
  );
  const recipients = new TableRecipientStore(storage.table(tableNames.broadcastRecipients));
  const now = new Date();
  const b = newBroadcast({
    tenantId,
    id: broadcastId,
    createdBy: 'hr-admin',
    now,
    content: {
      variants: { en: { title: 'Hand hygiene', body: 'Wash your hands for 20 seconds.' } },
      defaultLanguage: 'en',
    },
    requiresAcknowledgement: true,
    audience: { expression: 'everyone', addresses: [] },
  });
  await broadcasts.create(b);
  // As the fan-out leaves it: sent, its recipients recorded (with their tallies).
  const stored = (await broadcasts.get(tenantId, broadcastId))!;
  await broadcasts.update({
    ...stored,
    status: 'sending',
    fannedOutAt: now.toISOString(),
    recipientCount: options.acks,
  });
  const people = Array.from(
    { length: options.acks },
    (_, i) => `ac${String(i).padStart(6, '0')}-0000-4000-8000-000000000000`,
  );
  for (let i = 0; i < people.length; i += 2000) {
    await recipients.record(
      people.slice(i, i + 2000).map((userId) => ({
        tenantId,
        broadcastId,
        userId,
        address: `${userId}@kommune.example`,
        displayName: userId,
        department: `dept-${userId.charCodeAt(5) % 10}`,
        language: 'en' as const,
        addedAt: now.toISOString(),
      })),
    );
  }

  progress('acks: starting Drypp (node --import tsx src/main.ts, role web)');
  const drypp = await startDryppProcess({
    DRYPP_MODE: 'test',
    DRYPP_ROLES: 'web',
    DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DRYPP_TENANTS: tenantId,
  });
  cleanup.addChild(drypp.child);
  const target = { dryppUrl: drypp.url, serviceUrl: connector.url };
  const planned = {
    kind: 'acknowledge',
    verb: 'guideline.acknowledge',
    data: { broadcastId, version: 1 },
    expect: 'Acknowledged on',
  };

  // A few answers first (not counted, each person acknowledges once): connections and caches warm.
  const warm = Math.min(50, Math.floor(people.length / 10));
  for (const userId of people.slice(0, warm)) {
    const o = await sendInvoke(target, { tenantId, userId }, planned);
    if (o.problem) throw new Error(`a warm-up acknowledgement failed: ${o.problem}`);
  }
  const load = people.slice(warm);
  progress(`acks: ${load.length} acknowledgements at ${options.ratePerS}/s`);
  const cpu = cpuMeter({
    drypp: drypp.child.process.pid,
    azurite: azurite.child.process.pid,
    bench: process.pid,
  });
  const intervalMs = 1000 / options.ratePerS;
  const start = performance.now() + 100;
  const sending: Array<Promise<InvokeOutcome>> = [];
  const lagMs: number[] = [];
  for (let i = 0; i < load.length; i++) {
    const at = start + i * intervalMs;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    lagMs.push(performance.now() - at);
    sending.push(sendInvoke(target, { tenantId, userId: load[i]! }, planned, { since: at }));
    if (i > 0 && i % 2000 === 0) progress(`acks: ${i} sent`);
  }
  const outcomes = await Promise.all(sending);
  const spanS = (performance.now() - start) / 1000;
  const cpuMs = cpu();
  const errors: Record<string, number> = {};
  for (const o of outcomes) if (o.problem) errors[o.problem] = (errors[o.problem] ?? 0) + 1;
  const all = summarize(outcomes.map((o) => o.ms));
  // Answers the client gave up on may still be finishing in Drypp: read once nothing moves.
  let counted = -1;
  for (let same = 0; same < 4;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await recipients.countAcknowledged(tenantId, broadcastId, 1);
    same = now === counted ? same + 1 : 0;
    counted = now;
  }
  // The tally checked against the rows (the recount counts them, and rebuilds the tallies).
  const byRows = (await recipients.recountAcknowledgements(tenantId, broadcastId)).get(1) ?? 0;
  const errorCount = outcomes.filter((o) => o.problem).length;
  return {
    bench: 'broadcast',
    mode: 'acks',
    acks: outcomes.length,
    warmup_acks: warm,
    rate_per_s: options.ratePerS,
    achieved_rate_per_s: Math.round((outcomes.length / spanS) * 10) / 10,
    p50_ms: all.p50_ms,
    p95_ms: all.p95_ms,
    p99_ms: all.p99_ms,
    max_ms: all.max_ms,
    errors: errorCount,
    ...(errorCount ? { error_kinds: errors } : {}),
    tally_acknowledged: counted,
    rows_acknowledged: byRows,
    lost: people.length - byRows,
    target_p95_ms: TARGET_P95_MS,
    target_met: all.p95_ms <= TARGET_P95_MS && errorCount === 0 && counted === people.length,
    cpu_ms_per_ack: Object.fromEntries(
      Object.entries(cpuMs).map(([k, ms]) => [k, Math.round((ms / outcomes.length) * 100) / 100]),
    ),
    send_lag_ms: summarize(lagMs.map(roundMs)),
    machine: machine(),
    setup:
      'drypp web role as a child process, private in-memory azurite (partition-scoped lookups, bench/support/benchAzurite.ts), fake connector; one guideline requiring acknowledgement, ' +
      `${people.length} recipients recorded as the fan-out records them; each acknowledges once through /api/messages (adaptiveCard/action, guideline.acknowledge)`,
  };
}
