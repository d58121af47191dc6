// The platform's tables hold nothing about people (see store/privacy/registry.ts).
import { tableNames } from './tables.ts';
import { declareTable, noPersonalData } from '../privacy/personalDataTable.ts';
import type { LeaseRow } from './leaseStore.ts';

export const platformPersonalData = [
  declareTable<LeaseRow>()({
    table: tableNames.leases,
    columns: { holder: true, expiresAt: true },
    find: noPersonalData,
  }),
  declareTable<{ offsetMs: number }>()({
    table: tableNames.sandboxClock,
    columns: { offsetMs: true },
    find: noPersonalData,
  }),
];
