// What the certificates tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { CertificationRecord } from '../../domain/certificates/certificationRecord.ts';
import type { ScheduledCheck } from '../../usecases/certificates/ports.ts';
import type { CodeEntry } from '../../domain/certificates/verification.ts';
import { keyPart } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import { declareTable, rowsNamingPerson, rowsWhere } from '../privacy/personalDataTable.ts';

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
    },
    find: (client, person) =>
      rowsWhere(client, odata`PartitionKey eq ${`${keyPart(person.tenantId)}|${keyPart(person.personId)}`}`),
    // A certificate ever issued is proof the employer may have to show: kept under the hold; a
    // requirement never met is deleted.
    erase: (row) =>
      String(row.fields.cycles ?? '[]') === '[]'
        ? { action: 'delete' }
        : { action: 'keep', hold: CERTIFICATES_HOLD },
  }),
  declareTable<Omit<CodeEntry, 'code'>>()({
    table: tableNames.certificateCodes,
    columns: { tenantId: true, userId: true, certificationId: true, cycle: true },
    find: (client, person) =>
      rowsWhere(client, odata`tenantId eq ${person.tenantId} and userId eq ${person.personId}`),
    // A code leads to the certificate; kept while the certificate is (its row is under the hold).
    erase: () => ({ action: 'keep', hold: CERTIFICATES_HOLD }),
  }),
  declareTable<Omit<ScheduledCheck, 'tenantId'>>()({
    table: tableNames.certificationSchedule,
    columns: { on: true, userId: true, certificationId: true },
    find: (client, person) => rowsNamingPerson(client, person, 'userId'),
  }),
];
