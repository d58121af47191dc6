// Loaded into the benchmarks' Azurite child (NODE_OPTIONS=--require), never into Drypp.
//
// Azurite keeps a table in one LokiJS collection indexed on PartitionKey and on RowKey, and finds an
// entity with findOne({ PartitionKey, RowKey }). LokiJS narrows by the first key's index only and
// scans the rest, so every insert, upsert, point read and delete in a partition costs a scan of that
// partition: seeding a partition of n rows takes O(n²) (300,000 schedule rows of one tenant: hours).
// Azure Table Storage finds an entity by its two keys in O(log n). Asking LokiJS first for the key
// whose index holds fewer entities with that value (two binary searches) finds the same entity while
// scanning only those: a row key in a huge partition, or a partition whose row keys repeat in every
// other partition (a step's row key in each person's partition). The same answer, the same number
// of storage requests, without the emulator's scans.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for the emulator's process */
const path = require('node:path');
const azurite = path.dirname(require.resolve('azurite/package.json'));
const loki = require(require.resolve('lokijs', { paths: [azurite] }));
const findOne = loki.Collection.prototype.findOne;
loki.Collection.prototype.findOne = function findOneByNarrowerKey(query) {
  // A queue message by its id (delete, update): the id's index first, not the account's (every message).
  if (query && typeof query === 'object' && 'messageId' in query && this.binaryIndices.messageId) {
    const { messageId, ...rest } = query;
    return findOne.call(this, { messageId, ...rest });
  }
  if (query && typeof query === 'object' && 'RowKey' in query && 'PartitionKey' in query) {
    const { RowKey, PartitionKey, ...rest } = query;
    const rowKeyFirst = matchesOf(this, 'RowKey', RowKey) <= matchesOf(this, 'PartitionKey', PartitionKey);
    return findOne.call(
      this,
      rowKeyFirst ? { RowKey, PartitionKey, ...rest } : { PartitionKey, RowKey, ...rest },
    );
  }
  return findOne.call(this, query);
};

/** How many entities hold this value of an indexed key; Infinity where the key has no usable index. */
function matchesOf(collection, key, value) {
  if (typeof value !== 'string' || !collection.binaryIndices[key]) return Infinity;
  collection.ensureIndex(key);
  const [from, to] = collection.calculateRange('$eq', key, value);
  return to - from + 1;
}

// Azurite answers a query by running its filter over every entity of the table (all partitions),
// where Azure Table Storage reads only the partition a `PartitionKey eq` filter names. A card answer
// reads one person's rows with such a filter, so with the stock emulator its cost grows with the
// number of people in the table. A filter that is a plain conjunction starting with
// `PartitionKey eq '…'` (no `or`, no `not`) is narrowed here to that partition first, through the
// collection's PartitionKey index: the same rows in the same order, without the whole-table scan.
const store = require(path.join(azurite, 'dist/src/table/persistence/LokiTableMetadataStore.js')).default;
const queryTableEntities = store.prototype.queryTableEntities;
store.prototype.queryTableEntities = function queryOnePartition(
  context,
  account,
  table,
  queryOptions,
  ...rest
) {
  const partitionKey = leadingPartitionKey(queryOptions && queryOptions.filter);
  if (partitionKey === undefined)
    return queryTableEntities.call(this, context, account, table, queryOptions, ...rest);
  const collection = this.getEntityCollection(account, table, context);
  const chain = collection.chain;
  collection.chain = function partitionChain(...args) {
    return chain.apply(this, args).find({ PartitionKey: partitionKey });
  };
  try {
    // The stock method takes its chain synchronously, before its first await.
    return queryTableEntities.call(this, context, account, table, queryOptions, ...rest);
  } finally {
    collection.chain = chain;
  }
};

function leadingPartitionKey(filter) {
  if (typeof filter !== 'string') return undefined;
  const m = /^\s*PartitionKey eq '((?:[^']|'')*)'(?:\s+and\s+([\s\S]*))?$/.exec(filter);
  if (!m) return undefined;
  const rest = (m[2] || '').replace(/'(?:[^']|'')*'/g, "''"); // string literals cannot hide an operator
  if (/\b(or|not)\b/i.test(rest) || /[()]/.test(rest)) return undefined;
  return m[1].replace(/''/g, "'");
}

// Azurite's queue service sweeps the extents of deleted messages once a minute, and removes each
// extent's metadata with its own findAndRemove: a removal re-indexes the whole extents collection, so
// sweeping the messages a bench's setup sent and consumed (thousands of cards) stopped the emulator
// for 3–4 s in the middle of the invoke bench's load. Azure Storage shows its clients no such pause.
// The same extents are removed here in one pass over the collection.
const memoryExtentStore = require(
  path.join(azurite, 'dist/src/common/persistence/MemoryExtentStore.js'),
).default;
memoryExtentStore.prototype.deleteExtents = async function deleteExtentsInOnePass(extents) {
  const ids = new Set(extents);
  for (const id of ids) {
    if (this.chunks.get(this.categoryName, id)) this.chunks.delete(this.categoryName, id);
  }
  const metadata = this.metadataStore;
  const collection = metadata.db && metadata.db.getCollection(metadata.EXTENTS_COLLECTION);
  if (!collection) {
    for (const id of ids) await metadata.deleteExtent(id);
  } else if (ids.size > 0) {
    collection
      .chain()
      .where((extent) => ids.has(extent.id))
      .remove();
  }
  return ids.size;
};

// Before every receive and peek, Azurite's queue service removes the queue's expired messages with
// `coll.remove(docs)`, also when there are none; LokiJS then rebuilds every index of the messages
// collection (a sort of every message in the account), so each poll of a worker cost a sort of the
// whole backlog. Nothing to remove now removes nothing, as Azure Storage does.
const lokiRemove = loki.Collection.prototype.remove;
loki.Collection.prototype.remove = function removeUnlessNothing(doc) {
  if (Array.isArray(doc) && doc.length === 0) return;
  return lokiRemove.call(this, doc);
};

// Azurite keeps every queue message of the account in one LokiJS collection and, on each receive,
// peek, delete and update, first scans all of them for expired ones (expirationTime has no index);
// a receive then filters all of them again, sorts every visible one to take the first 32, and
// writes those back with a batch update that rebuilds every index of the collection.
// With a broadcast's backlog of 20,000 messages each call cost several whole-backlog passes through
// LokiJS's query engine: the emulator spent 90 % of its time there and the outbound workers waited
// on it (10 cards a second). Azure Storage answers these calls in time independent of the backlog.
// The same messages are picked here, in the same order (the earliest visible first, then the first
// inserted), by one plain pass that keeps only the first n; expired ones are looked for only once
// the earliest expiry has come.
const queueStore = require(
  path.join(azurite, 'dist/src/queue/persistence/LokiQueueMetadataStore.js'),
).default;

/** The queue's messages visible at `time`, earliest visible first and then by insertion; at most n. */
function firstVisible(coll, account, queue, time, n) {
  const picked = [];
  // coll.data is in insertion order ($loki ascending), so a tie keeps the earlier message first.
  for (const doc of coll.data) {
    if (doc.accountName !== account || doc.queueName !== queue || doc.timeNextVisible > time) continue;
    if (picked.length === n && doc.timeNextVisible >= picked[n - 1].timeNextVisible) continue;
    let i = picked.length;
    while (i > 0 && picked[i - 1].timeNextVisible > doc.timeNextVisible) i--;
    picked.splice(i, 0, doc);
    if (picked.length > n) picked.pop();
  }
  return picked;
}

// The earliest expiry among a queue's messages, once a pass has looked: until then no pass is needed.
// A message sent with an earlier one lowers it; nothing else changes a message's expiry.
const earliestExpiry = new WeakMap();
const expiryKey = (account, queue) => `${account}\n${queue}`;
function expiriesOf(store) {
  if (!earliestExpiry.has(store)) earliestExpiry.set(store, new Map());
  return earliestExpiry.get(store);
}

const insertMessage = queueStore.prototype.insertMessage;
queueStore.prototype.insertMessage = async function insertMessageNotingExpiry(message, context) {
  await insertMessage.call(this, message, context);
  const expiries = expiriesOf(this);
  const key = expiryKey(message.accountName, message.queueName);
  const at = Number(message.expirationTime);
  if (expiries.has(key) && at < expiries.get(key)) expiries.set(key, at);
};

queueStore.prototype.clearExpiredMessages = async function clearExpiredInOnePass(account, queue, context) {
  this.checkQueueExist(account, queue, context);
  const expiries = expiriesOf(this);
  const key = expiryKey(account, queue);
  const now = Date.now();
  if (expiries.has(key) && now < expiries.get(key)) return;
  const coll = this.db.getCollection(this.MESSAGES_COLLECTION);
  const expired = [];
  let earliest = Infinity;
  for (const doc of coll.data) {
    if (doc.accountName !== account || doc.queueName !== queue) continue;
    const at = Number(doc.expirationTime);
    if (at <= now) expired.push(doc);
    else if (at < earliest) earliest = at;
  }
  if (expired.length > 0) coll.remove(expired);
  expiries.set(key, earliest);
};

/** As the stock methods begin: the queue must exist, its expired messages go, then the first n visible. */
function visibleNow(store, account, queue, numOfMessages, queryDate, context) {
  store.checkQueueExist(account, queue, context);
  store.clearExpiredMessages(account, queue, context);
  const coll = store.db.getCollection(store.MESSAGES_COLLECTION);
  const queryTime = queryDate ? queryDate.getTime() : Date.now();
  // The service takes 1 to 32 (Azurite checks it before); not given is 1.
  const n = numOfMessages === undefined || numOfMessages < 1 ? 1 : numOfMessages;
  return { coll, docs: firstVisible(coll, account, queue, queryTime, n) };
}

queueStore.prototype.getMessages = async function getFirstVisible(
  account,
  queue,
  timeNextVisible,
  popReceipt,
  numOfMessages,
  queryDate,
  context,
) {
  const { coll, docs } = visibleNow(this, account, queue, numOfMessages, queryDate, context);
  // As the stock method: each becomes invisible until timeNextVisible, with its new pop receipt.
  const visibleAt = timeNextVisible.getTime();
  for (const doc of docs) {
    doc.timeNextVisible = visibleAt;
    doc.popReceipt = popReceipt;
    doc.dequeueCount = Number(doc.dequeueCount) + 1;
  }
  // One by one: LokiJS updates an array by rebuilding every index of the collection (a sort of the
  // whole backlog, on every receive); one document at a time moves it within each index.
  for (const doc of docs) coll.update(doc);
  return docs.map((doc) => ({ ...this.messageCopy(doc), timeNextVisible: new Date(visibleAt) }));
};

queueStore.prototype.peekMessages = async function peekFirstVisible(
  account,
  queue,
  numOfMessages,
  queryDate,
  context,
) {
  const { docs } = visibleNow(this, account, queue, numOfMessages, queryDate, context);
  return docs.map((doc) => ({
    ...this.messageCopy(doc),
    timeNextVisible: new Date(Number(doc.timeNextVisible)),
  }));
};
