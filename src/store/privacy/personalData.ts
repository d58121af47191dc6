// What the privacy tables hold about people (see ./registry.ts).
import { tableNames } from '../platform/tables.ts';
import type { ErasedPersonRow } from './erasedPeopleStore.ts';
import { declareTable, noPersonalData, rowOfPersonInTenant } from './personalDataTable.ts';
import type { PrivacyAuditRow } from './privacyAuditStore.ts';
import type { PseudonymRow } from './pseudonymStore.ts';
import type { RetentionDoneRow } from './retentionStore.ts';

export const privacyPersonalData = [
  // Erasure deletes it: that is "forgetting the pseudonym".
  declareTable<PseudonymRow>()({
    table: tableNames.xapiPseudonyms,
    columns: { pseudonym: true, createdAt: true },
    find: rowOfPersonInTenant,
  }),
  // Keyed by a hash, never the id: nothing here leads back to a person.
  declareTable<ErasedPersonRow>()({
    table: tableNames.erasedPeople,
    columns: { erasedAt: true },
    find: noPersonalData,
  }),
  // Requests by id, with counts and a case reference: nothing that names or points to the person.
  declareTable<PrivacyAuditRow>()({
    table: tableNames.privacyAudit,
    columns: {
      kind: true,
      via: true,
      reference: true,
      startedAt: true,
      completedAt: true,
      tables: true,
      holds: true,
    },
    find: noPersonalData,
  }),
  declareTable<RetentionDoneRow>()({
    table: tableNames.retentionDone,
    columns: { learningRecordsRemovedAt: true },
    find: rowOfPersonInTenant,
  }),
];
