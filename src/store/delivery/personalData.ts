// What the delivery tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { Delivery } from '../../domain/delivery/delivery.ts';
import type { DueWork } from '../../domain/delivery/dueWork.ts';
import type { OutboundRecipient } from '../../domain/delivery/outbound.ts';
import { keyPart } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import {
  declareTable,
  noPersonalData,
  rowOfPersonInTenant,
  rowsKeyedByPerson,
  rowsNamingPerson,
  rowsWhere,
} from '../privacy/personalDataTable.ts';
import type { ConversationRow } from './conversationStore.ts';
import type { SendRateRow } from './sendRateStore.ts';

export const deliveryPersonalData = [
  declareTable<ConversationRow>()({
    table: tableNames.conversations,
    columns: { conversationId: true, locale: true, reference: true, updatedAt: true },
    find: rowOfPersonInTenant,
  }),
  declareTable<{ welcomedAt: string }>()({
    table: tableNames.welcomes,
    columns: { welcomedAt: true },
    find: rowsKeyedByPerson,
  }),
  declareTable<Omit<Delivery, 'tenantId'>>()({
    table: tableNames.deliveries,
    columns: {
      key: true,
      status: true,
      startedAt: true,
      sentAt: true,
      activityId: true,
      failure: true,
    },
    // A card's key names the person it went to (drip cards, nudges, thanks); a learning-time card's
    // key names only the request, which erasure removes, so that row no longer leads to anyone.
    find: (client, person) =>
      rowsWhere(client, odata`PartitionKey eq ${keyPart(person.tenantId)}`, (row) =>
        String(row.key ?? '')
          .split('|')
          .includes(person.personId)
          ? 'own'
          : undefined,
      ),
  }),
  declareTable<Record<never, never>>()({
    table: tableNames.dailySends,
    columns: {},
    find: rowsKeyedByPerson,
  }),
  declareTable<Omit<DueWork, 'tenantId'>>()({
    table: tableNames.dueWork,
    columns: {
      at: true,
      userId: true,
      programId: true,
      stepId: true,
      kind: true,
      n: true,
      questionId: true,
      round: true,
    },
    find: (client, person) => rowsNamingPerson(client, person, 'userId'),
  }),
  declareTable<SendRateRow>()({
    table: tableNames.sendRate,
    columns: { log: true },
    find: noPersonalData,
  }),
  declareTable<Omit<OutboundRecipient, 'tenantId'> & { tally: string }>()({
    table: tableNames.outboundStatus,
    columns: {
      batchId: true,
      key: true,
      userId: true,
      kind: true,
      ref: true,
      status: true,
      reason: true,
      attempts: true,
      enqueuedAt: true,
      startedAt: true,
      retryAt: true,
      worker: true,
      sentAt: true,
      activityId: true,
      conversationId: true,
      settled: true,
      updatedAt: true,
      deletedAt: true,
      tally: true,
    },
    // The partitions of a tenant are `tenant|batch|bucket`: the whole tenant's range, by recipient.
    find: (client, person) => {
      const prefix = `${keyPart(person.tenantId)}|`;
      return rowsWhere(
        client,
        odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix.slice(0, -1)}}`} and userId eq ${person.personId}`,
      );
    },
  }),
];
