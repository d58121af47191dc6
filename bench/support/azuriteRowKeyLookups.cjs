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
