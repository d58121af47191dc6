// What the broadcasts tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import { withoutPerson } from '../../domain/privacy/personalData.ts';
import { keyPart } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import { declareTable, noPersonalData, rowsWhere } from '../privacy/personalDataTable.ts';
import type { BroadcastRow, BroadcastVersionRow } from './broadcastStore.ts';
import type { AckTallyRow, RecipientRow } from './recipientStore.ts';

/** The tenant's child partitions (`tenant|broadcastId`). */
const childRange = (tenantId: string) => ({ from: `${keyPart(tenantId)}|`, to: `${keyPart(tenantId)}}` });

export const broadcastsPersonalData = [
  declareTable<BroadcastRow & { id: string }>()({
    table: tableNames.broadcasts,
    columns: {
      id: true,
      createdAt: true,
      createdBy: true,
      requiresAcknowledgement: true,
      dueDate: true,
      expression: true,
      addressCount: true,
      reminderAfterDays: true,
      maxReminders: true,
      status: true,
      scheduledFor: true,
      fannedOutAt: true,
      recipientCount: true,
      recalledAt: true,
      remindersSent: true,
      version: true,
      versionCreatedAt: true,
      versionCreatedBy: true,
      changeNote: true,
      defaultLanguage: true,
      link: true,
      variant_en: true,
      variant_nb: true,
      variant_sv: true,
    },
    // The HR admin who wrote it or its current version: their id in the organisation's guideline.
    find: (client, person) =>
      rowsWhere(
        client,
        odata`PartitionKey eq ${keyPart(person.tenantId)} and (createdBy eq ${person.personId} or versionCreatedBy eq ${person.personId})`,
        () => 'mentioned',
      ),
    erase: (row, person) => ({ action: 'anonymise', fields: withoutPerson(row.fields, person.personId) }),
    othersColumns: ['expression', 'variant_en', 'variant_nb', 'variant_sv', 'changeNote', 'link'],
  }),
  declareTable<BroadcastVersionRow>()({
    table: tableNames.broadcastVersions,
    columns: {
      version: true,
      createdAt: true,
      createdBy: true,
      changeNote: true,
      defaultLanguage: true,
      link: true,
      variant_en: true,
      variant_nb: true,
      variant_sv: true,
    },
    find: (client, person) => {
      const range = childRange(person.tenantId);
      return rowsWhere(
        client,
        odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and createdBy eq ${person.personId}`,
        () => 'mentioned',
      );
    },
    erase: (row, person) => ({ action: 'anonymise', fields: withoutPerson(row.fields, person.personId) }),
    othersColumns: ['variant_en', 'variant_nb', 'variant_sv', 'changeNote', 'link'],
  }),
  declareTable<{ addresses: string }>()({
    table: tableNames.broadcastAudiences,
    columns: { addresses: true },
    // A pasted list of addresses lives only until the broadcast's fan-out has recorded its recipients
    // (then it is deleted): what remains about a person is their recipient row.
    find: noPersonalData,
  }),
  declareTable<RecipientRow & AckTallyRow>()({
    table: tableNames.broadcastRecipients,
    columns: {
      userId: true,
      address: true,
      displayName: true,
      department: true,
      jobTitle: true,
      managerId: true,
      language: true,
      timeZone: true,
      addedAt: true,
      acknowledgements: true,
      ackVersion: true,
      remindersSent: true,
      lastRemindedAt: true,
      acks: true,
    },
    // Their own copy of each guideline ('own'), and their reports' copies naming them as manager.
    find: async (client, person) => {
      const range = childRange(person.tenantId);
      const own = await rowsWhere(
        client,
        odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and RowKey eq ${keyPart(person.personId)}`,
      );
      const mentioned = await rowsWhere(
        client,
        odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and managerId eq ${person.personId} and RowKey ne ${keyPart(person.personId)}`,
        () => 'mentioned',
      );
      return [...own, ...mentioned];
    },
    erase: (row, person) =>
      row.role === 'own'
        ? { action: 'delete' }
        : { action: 'anonymise', fields: withoutPerson(row.fields, person.personId) },
    othersColumns: [
      'userId',
      'address',
      'displayName',
      'department',
      'jobTitle',
      'language',
      'timeZone',
      'addedAt',
      'acknowledgements',
      'ackVersion',
      'remindersSent',
      'lastRemindedAt',
    ],
  }),
];
