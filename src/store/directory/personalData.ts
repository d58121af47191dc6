// What the directory tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { Person } from '../../domain/directory/person.ts';
import type { Reachability } from '../../domain/directory/reachability.ts';
import type { SyncState } from '../../domain/directory/syncState.ts';
import type { TimeZoneCheck } from '../../domain/directory/timeZoneCheck.ts';
import { keyPart, personPartition, tenantPartitionRange } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import {
  declareTable,
  noPersonalData,
  rowOfPersonInTenant,
  rowsWhere,
} from '../privacy/personalDataTable.ts';
import type { mirrorRow } from './directoryMirror.ts';

/** A People row: what directory sync mirrors, and what the CLI and tests write one at a time. */
type PeopleRow = ReturnType<typeof mirrorRow> & Omit<Person, 'tenantId'> & { upnLower?: string };

export const directoryPersonalData = [
  declareTable<PeopleRow>()({
    table: tableNames.people,
    columns: {
      id: true,
      userPrincipalName: true,
      upnLower: true,
      displayName: true,
      mail: true,
      accountEnabled: true,
      userType: true,
      department: true,
      jobTitle: true,
      hireDate: true,
      createdDateTime: true,
      preferredLanguage: true,
      timeZone: true,
      managerId: true,
      groupIds: true,
      firstSeenAt: true,
      removedAt: true,
      missingProperties: true,
    },
    // Their own row, and their reports' rows (which name them as manager).
    find: async (client, person) => {
      const own = await rowsWhere(
        client,
        odata`PartitionKey eq ${personPartition(person.tenantId, person.personId)} and RowKey eq ${keyPart(person.personId)}`,
      );
      const range = tenantPartitionRange(person.tenantId);
      const reports = await rowsWhere(
        client,
        odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and managerId eq ${person.personId}`,
        () => 'mentioned',
      );
      return [...own, ...reports];
    },
    // A report's row loses the manager's id; directory sync does not put it back (see the tombstones).
    erase: (row) => {
      if (row.role === 'own') return { action: 'delete' };
      const { managerId: _m, ...fields } = row.fields;
      return { action: 'anonymise', fields };
    },
    othersColumns: [
      'id',
      'userPrincipalName',
      'upnLower',
      'displayName',
      'mail',
      'accountEnabled',
      'userType',
      'department',
      'jobTitle',
      'hireDate',
      'createdDateTime',
      'preferredLanguage',
      'timeZone',
      'groupIds',
      'firstSeenAt',
      'removedAt',
      'missingProperties',
    ],
  }),
  declareTable<{ tenantId: string }>()({
    table: tableNames.tenants,
    columns: { tenantId: true },
    find: noPersonalData,
  }),
  declareTable<Omit<SyncState, 'tenantId'>>()({
    table: tableNames.syncState,
    columns: { deltaLink: true, resumeLink: true, initialSyncDone: true, lastRoundAt: true },
    find: noPersonalData,
  }),
  declareTable<Omit<Reachability, 'tenantId'>>()({
    table: tableNames.reachability,
    columns: {
      userId: true,
      stage: true,
      detectedAt: true,
      appInstalledAt: true,
      chatKnownAt: true,
      firstCardAt: true,
      attempts: true,
      nextAttemptAt: true,
      lastProblem: true,
    },
    find: rowOfPersonInTenant,
  }),
  declareTable<{ id: string; expiresAt: string }>()({
    table: tableNames.subscriptions,
    columns: { id: true, expiresAt: true },
    find: noPersonalData,
  }),
  declareTable<Omit<TimeZoneCheck, 'tenantId'>>()({
    table: tableNames.timeZoneChecks,
    columns: {
      userId: true,
      status: true,
      requestedAt: true,
      attempts: true,
      nextAttemptAt: true,
      mailboxTimeZone: true,
      timeZone: true,
      lastProblem: true,
    },
    find: rowOfPersonInTenant,
  }),
];
