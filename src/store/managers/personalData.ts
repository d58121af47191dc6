// What the managers' tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { CheckinAnswer } from '../../domain/managers/checkin.ts';
import type { LearningTimeRequest } from '../../domain/managers/learningTimeRequest.ts';
import { withoutPerson } from '../../domain/privacy/personalData.ts';
import { keyPart } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import { declareTable, rowsNamingPerson, rowsWhere } from '../privacy/personalDataTable.ts';

type ManagerIndexRow = { id: string; displayName: string; jobTitle?: string; department?: string };

/** The three kinds of TeamSummaries rows (store/managers/teamSummaryStore.ts) as one row type. */
type TeamSummaryRow = {
  rowType?: 'member' | 'removed' | 'home';
  personId?: string;
  version?: number;
  requestedAt?: string;
  managerId?: string;
  depth?: number;
  displayName?: string;
  jobTitle?: string;
  department?: string;
  reachability?: string;
  learning?: string;
  view?: string;
  person?: string;
  ancestors?: string;
  formerAncestors?: string;
};

export const managersPersonalData = [
  declareTable<ManagerIndexRow>()({
    table: tableNames.managerIndex,
    columns: { id: true, displayName: true, jobTitle: true, department: true },
    // Their entry under their manager ('own'), and the partition listing their reports ('mentioned':
    // it is keyed by their id; the rows are the reports'). Erasure deletes both; sync rebuilds the rest.
    find: async (client, person) => {
      const tenant = keyPart(person.tenantId);
      const asReport = await rowsWhere(
        client,
        odata`PartitionKey ge ${`${tenant}|`} and PartitionKey lt ${`${tenant}}`} and RowKey eq ${keyPart(person.personId)}`,
      );
      const asManager = await rowsWhere(
        client,
        odata`PartitionKey eq ${`${tenant}|${keyPart(person.personId)}`}`,
        () => 'mentioned',
      );
      return [...asReport, ...asManager];
    },
    othersColumns: ['id', 'displayName', 'jobTitle', 'department'],
  }),
  declareTable<TeamSummaryRow>()({
    table: tableNames.teamSummaries,
    columns: {
      rowType: true,
      personId: true,
      version: true,
      managerId: true,
      depth: true,
      displayName: true,
      jobTitle: true,
      department: true,
      reachability: true,
      learning: true,
      view: true,
      person: true,
      ancestors: true,
      formerAncestors: true,
      requestedAt: true,
    },
    // Their summary in every manager's partition above them and their home row ('own'); the copies
    // of their reports listed under them or naming them as manager ('mentioned'). Erasure deletes all:
    // the repair job rebuilds, from the sources, whatever should still be there.
    find: async (client, person) => {
      const tenant = keyPart(person.tenantId);
      const own = await rowsWhere(
        client,
        odata`PartitionKey ge ${`${tenant}|`} and PartitionKey lt ${`${tenant}}`} and personId eq ${person.personId}`,
      );
      const mentioned = await rowsWhere(
        client,
        odata`PartitionKey ge ${`${tenant}|`} and PartitionKey lt ${`${tenant}}`} and personId ne ${person.personId} and (managerId eq ${person.personId} or PartitionKey eq ${`${tenant}|${keyPart(person.personId)}`})`,
        () => 'mentioned',
      );
      // Home rows of people below them name them inside JSON (ancestors, the person's manager).
      const homes = await rowsWhere(
        client,
        odata`PartitionKey ge ${`${tenant}|`} and PartitionKey lt ${`${tenant}}`} and rowType eq 'home' and personId ne ${person.personId}`,
        (row) =>
          [row.ancestors, row.formerAncestors, row.person].some((json) =>
            String(json ?? '').includes(person.personId),
          )
            ? 'mentioned'
            : undefined,
      );
      const seen = new Set([...own, ...mentioned].map((r) => `${r.partitionKey}\n${r.rowKey}`));
      return [...own, ...mentioned, ...homes.filter((r) => !seen.has(`${r.partitionKey}\n${r.rowKey}`))];
    },
    othersColumns: [
      'personId',
      'displayName',
      'jobTitle',
      'department',
      'depth',
      'reachability',
      'learning',
      'view',
      'version',
      'person',
      'ancestors',
      'formerAncestors',
    ],
  }),
  declareTable<Omit<LearningTimeRequest, 'tenantId' | 'purpose'> & { purpose: string }>()({
    table: tableNames.learningTime,
    columns: {
      id: true,
      learnerId: true,
      managerId: true,
      date: true,
      minutes: true,
      purpose: true,
      status: true,
      createdAt: true,
      timeZone: true,
      decidedAt: true,
      decidedBy: true,
      decidedIn: true,
      comment: true,
      booking: true,
      eventId: true,
      bookingFailure: true,
      followUp: true,
      followUpAfter: true,
      followUpAttempts: true,
      followUpFailure: true,
      managerCardSent: true,
      learnerCardSent: true,
    },
    find: (client, person) => rowsNamingPerson(client, person, 'learnerId', ['managerId', 'decidedBy']),
    erase: (row, person) =>
      row.role === 'own'
        ? { action: 'delete' }
        : { action: 'anonymise', fields: withoutPerson(row.fields, person.personId) },
    othersColumns: ['learnerId', 'date', 'minutes', 'purpose', 'timeZone', 'eventId', 'bookingFailure'],
  }),
  declareTable<Omit<CheckinAnswer, 'tenantId'>>()({
    table: tableNames.checkins,
    columns: {
      learnerId: true,
      programId: true,
      stepId: true,
      managerId: true,
      option: true,
      comment: true,
      answeredAt: true,
    },
    find: (client, person) => rowsNamingPerson(client, person, 'learnerId', ['managerId']),
    erase: (row, person) =>
      row.role === 'own'
        ? { action: 'delete' }
        : { action: 'anonymise', fields: withoutPerson(row.fields, person.personId) },
    othersColumns: ['learnerId'],
  }),
];
