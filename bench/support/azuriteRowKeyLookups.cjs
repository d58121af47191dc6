// Loaded into the benchmarks' Azurite child (NODE_OPTIONS=--require), never into Drypp.
//
// Azurite keeps a table in one LokiJS collection indexed on PartitionKey and on RowKey, and finds an
// entity with findOne({ PartitionKey, RowKey }). LokiJS narrows by the first key's index only and
// scans the rest, so every insert, upsert, point read and delete in a partition costs a scan of that
// partition: seeding a partition of n rows takes O(n²) (300,000 schedule rows of one tenant: hours).
// Azure Table Storage finds an entity by its two keys in O(log n). Asking LokiJS for the RowKey first
// (row keys are nearly unique) finds the same entity through that index: the same answer, the same
// number of storage requests, without the emulator's quadratic cost.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for the emulator's process */
const path = require('node:path');
const azurite = path.dirname(require.resolve('azurite/package.json'));
const loki = require(require.resolve('lokijs', { paths: [azurite] }));
const findOne = loki.Collection.prototype.findOne;
loki.Collection.prototype.findOne = function findOneByRowKeyFirst(query) {
  if (query && typeof query === 'object' && 'RowKey' in query && 'PartitionKey' in query) {
    const { RowKey, PartitionKey, ...rest } = query;
    return findOne.call(this, { RowKey, PartitionKey, ...rest });
  }
  return findOne.call(this, query);
};
