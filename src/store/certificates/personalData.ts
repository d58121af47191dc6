// What the certificates tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { CertificationRecord } from '../../domain/certificates/certificationRecord.ts';
import type { ScheduledCheck } from '../../usecases/certificates/ports.ts';
import type { CodeEntry } from '../../domain/certificates/verification.ts';
import { stillHeld } from '../../domain/privacy/privacyPolicy.ts';
import { keyPart } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import { declareTable, noPersonalData, rowsNamingPerson, rowsWhere } from '../privacy/personalDataTable.ts';
import type { UpkeepRow } from './upkeepStore.ts';

/** The legal hold certificates are kept under: proof of mandatory, certified training. */
export const CERTIFICATES_HOLD = 'certificates';

export const certificatesPersonalData = [
  declareTable<Omit<CertificationRecord, 'tenantId'>>()({
    table: tableNames.certifications,
    columns: {
      userId: true,
      certificationId: true,
      assignedOn: true,
      dueOn: true,
      status: true,
      cycles: true,
      checkedThrough: true,
      nextCheckOn: true,
      assignedBy: true,
      rulesVersion: true,
      unsentNotices: true,
    },
    find: (client, person) =>
      rowsWhere(client, odata`PartitionKey eq ${`${keyPart(person.tenantId)}|${keyPart(person.personId)}`}`),
    // A certificate issued within the tenant's hold (years after it was last issued) is proof the
    // employer may have to show: kept. Without a hold, a certificate past it, or a requirement
    // never met: deleted.
    erase: (row, _person, { holds, now }) => {
      const hold = holds[CERTIFICATES_HOLD];
      const lastIssued = lastCertifiedOn(row.fields.cycles);
      return hold && lastIssued && stillHeld(lastIssued, hold.years, now)
        ? { action: 'keep', hold: CERTIFICATES_HOLD }
        : { action: 'delete' };
    },
  }),
  declareTable<Omit<CodeEntry, 'code'>>()({
    table: tableNames.certificateCodes,
    columns: { tenantId: true, userId: true, certificationId: true, cycle: true },
    find: (client, person) =>
      rowsWhere(client, odata`tenantId eq ${person.tenantId} and userId eq ${person.personId}`),
    // A code leads to the certificate; kept while the tenant holds certificates at all (a code
    // whose certificate is gone answers "not found" at /verify).
    erase: (_row, _person, { holds }) =>
      holds[CERTIFICATES_HOLD] ? { action: 'keep', hold: CERTIFICATES_HOLD } : { action: 'delete' },
  }),
  declareTable<Omit<ScheduledCheck, 'tenantId'>>()({
    table: tableNames.certificationSchedule,
    columns: { on: true, userId: true, certificationId: true },
    find: (client, person) => rowsNamingPerson(client, person, 'userId'),
  }),
  declareTable<UpkeepRow>()({
    table: tableNames.certificationUpkeep,
    columns: { version: true, day: true },
    find: noPersonalData,
  }),
];

/** The day the last cycle began (the stored column is the cycles' JSON), or undefined when none. */
function lastCertifiedOn(cycles: unknown): string | undefined {
  try {
    const list = JSON.parse(String(cycles ?? '[]')) as Array<{ certifiedOn?: string }>;
    return list.at(-1)?.certifiedOn;
  } catch {
    return '0000-01-01'; // unreadable: stillHeld keeps it (an operator decides)
  }
}
