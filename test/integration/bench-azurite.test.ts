import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableClient, odata } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { startBenchAzurite } from '../../bench/support/benchAzurite.ts';
import { startTestAzurite } from '../support/azurite.ts';

/**
 * The benchmarks' Azurite (bench/support/azuriteRowKeyLookups.cjs) looks entities up by row key and
 * narrows `PartitionKey eq` queries to their partition, so the emulator's own scans do not swamp
 * what a benchmark measures. It must answer exactly as the stock emulator does, or a benchmark would
 * measure a Drypp that reads other rows than in production.
 */
const filters = [
  odata`PartitionKey eq ${'p1'}`,
  odata`PartitionKey eq ${"p'2"} and RowKey ge ${'b'} and RowKey lt ${'d'}`,
  odata`PartitionKey eq ${'p1'} or PartitionKey eq ${'p3'}`,
  odata`PartitionKey eq ${'p1'} and (RowKey eq ${'a'} or RowKey eq ${'c'})`,
  odata`PartitionKey eq ${'p1 or x'} and RowKey ge ${'b'}`,
  odata`PartitionKey eq ${'p1'} and not (RowKey eq ${'a'})`,
  odata`RowKey eq ${'a'}`,
  odata`PartitionKey ge ${'p2'}`,
  odata`PartitionKey eq ${'none'}`,
];

async function answersOf(azurite: AzuriteInstance) {
  const table = TableClient.fromConnectionString(azurite.connectionString, 'Narrowed', {
    allowInsecureConnection: true,
  });
  await table.createTable();
  for (const partitionKey of ['p1', "p'2", 'p3', 'p1 or x']) {
    for (const rowKey of ['a', 'b', 'c', 'd']) await table.createEntity({ partitionKey, rowKey, v: 1 });
  }
  const answers: { queries: string[][]; points: string[] } = { queries: [], points: [] };
  for (const filter of filters) {
    const rows: string[] = [];
    for await (const e of table.listEntities({ queryOptions: { filter } }))
      rows.push(`${e.partitionKey}/${e.rowKey}`);
    answers.queries.push(rows);
  }
  for (const [pk, rk] of [
    ['p3', 'c'],
    ["p'2", 'a'],
  ] as const) {
    const e = await table.getEntity(pk, rk);
    answers.points.push(`${e.partitionKey}/${e.rowKey}`);
  }
  return answers;
}

/** A queue's life as the outbound workers live it: sends, receives, peeks, updates and deletes. */
async function queueAnswersOf(azurite: AzuriteInstance) {
  const queue = new QueueClient(azurite.connectionString, 'narrowed');
  await queue.create();
  for (let i = 0; i < 10; i++) {
    await queue.sendMessage(`m${i}`, {
      ...(i === 3 ? { visibilityTimeout: 3600 } : {}),
      ...(i === 5 ? { messageTimeToLive: 1 } : {}),
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 1200)); // m5 expires
  const texts = (items: Array<{ messageText: string }>) => items.map((m) => m.messageText);
  const answers: string[][] = [];
  answers.push(texts((await queue.peekMessages({ numberOfMessages: 4 })).peekedMessageItems));
  const first = (await queue.receiveMessages({ numberOfMessages: 3 })).receivedMessageItems;
  answers.push(texts(first));
  // One that expires after the emulator last looked for expired ones.
  await queue.sendMessage('m10', { messageTimeToLive: 1 });
  await new Promise((resolve) => setTimeout(resolve, 1200));
  // The first one back at once (a retry), the second deleted (sent).
  await queue.updateMessage(first[0]!.messageId, first[0]!.popReceipt, undefined, 0);
  await queue.deleteMessage(first[1]!.messageId, first[1]!.popReceipt);
  answers.push(texts((await queue.receiveMessages({ numberOfMessages: 32 })).receivedMessageItems));
  answers.push(texts((await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems));
  answers.push([String((await queue.getProperties()).approximateMessagesCount)]);
  await queue.delete();
  return answers;
}

describe("the benchmarks' Azurite", () => {
  let bench: AzuriteInstance;
  let stock: AzuriteInstance;
  beforeAll(async () => {
    [bench, stock] = await Promise.all([startBenchAzurite(), startTestAzurite()]);
  });
  afterAll(async () => {
    await Promise.all([bench?.child.stop(), stock?.child.stop()]);
  });

  it('answers every query and point read as the stock emulator does', async () => {
    const [narrowed, plain] = await Promise.all([answersOf(bench), answersOf(stock)]);
    expect(narrowed).toEqual(plain);
    expect(plain.queries[1]).toEqual(["p'2/b", "p'2/c"]);
  });

  it('receives, peeks, updates and deletes queue messages as the stock emulator does', async () => {
    const [picked, plain] = await Promise.all([queueAnswersOf(bench), queueAnswersOf(stock)]);
    expect(picked).toEqual(plain);
    expect(plain.slice(0, 2)).toEqual([
      ['m0', 'm1', 'm2', 'm4'],
      ['m0', 'm1', 'm2'],
    ]);
  });
});
