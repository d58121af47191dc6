import { performance } from 'node:perf_hooks';
import type { TableClient } from '@azure/data-tables';
import { startTableProxy, type TableCall } from './tableProxy.ts';

/** Storage calls per card (or per hire), and the most common kinds. */
export interface StorageCallsPer {
  table: number;
  queue: number;
  total: number;
  by_kind: Record<string, number>;
}

/**
 * Counting proxies in front of Azurite's table and queue endpoints, and the connection string that
 * goes through them: what a probe's workers do to storage, call by call. For counting only (each
 * call takes one more hop), never for the timed run.
 */
export async function startStorageCounter(connectionString: string) {
  const port = (name: string) =>
    Number(new RegExp(`${name}=http://127\\.0\\.0\\.1:(\\d+)`).exec(connectionString)?.[1]);
  const table = await startTableProxy({ host: '127.0.0.1', port: port('TableEndpoint') });
  const queue = await startTableProxy({ host: '127.0.0.1', port: port('QueueEndpoint') });
  const proxied = connectionString
    .replace(`:${port('TableEndpoint')}/`, `:${table.port}/`)
    .replace(`:${port('QueueEndpoint')}/`, `:${queue.port}/`);
  return {
    connectionString: proxied,
    mark: () => ({ table: table.calls.length, queue: queue.calls.length }),
    /** Calls since the mark, per card, and the most common kinds. */
    perCard(since: { table: number; queue: number }, cards: number): StorageCallsPer {
      const t = table.calls.slice(since.table);
      const q = queue.calls.slice(since.queue);
      return {
        table: round(t.length / cards),
        queue: round(q.length / cards),
        total: round((t.length + q.length) / cards),
        by_kind: byKind([...t.map(tableKind), ...q.map(queueKind)], cards),
      };
    },
    stop: async () => {
      await table.stop();
      await queue.stop();
    },
  };
}

/**
 * The physical floor on this machine: `rows` rows of a status row's size created straight in
 * Azurite, one call each (as the pipeline writes a card's row), `concurrency` at a time.
 */
export async function rawRowWrites(table: TableClient, rows: number, concurrency = 64) {
  await table.createTable();
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < rows) {
      const i = next++;
      await table.createEntity({
        partitionKey: `raw|${i % 16}`,
        rowKey: `plain|bench|raw-${i}`,
        userId: `raw-${i}`,
        kind: 'plain',
        ref: JSON.stringify({ text: `New guideline: hand hygiene, version 3 (${i})` }),
        status: 'sent',
        attempts: 1,
        enqueuedAt: new Date().toISOString(),
        sentAt: new Date().toISOString(),
        activityId: `activity-${i}`,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const s = (performance.now() - started) / 1000;
  await table.deleteTable();
  return { rows, s: round(s), rows_per_s: round(rows / s) };
}

function tableKind(c: TableCall): string {
  return `table ${c.kind}`;
}

function queueKind(c: TableCall): string {
  return `queue ${c.kind.split(' ')[0]} ${/\/messages(\/|$|\?)/.test(c.url) ? 'messages' : 'other'}`;
}

function byKind(kinds: string[], cards: number): Record<string, number> {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, round(n / cards)]));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
