// What the sessions tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { SessionBooking, SessionSeats } from '../../domain/sessions/sessionBooking.ts';
import type { BookingRef } from '../../usecases/sessions/ports.ts';
import { keyPart } from '../platform/keys.ts';
import { tableNames } from '../platform/tables.ts';
import { declareTable, rowsNamingPerson, rowsWhere } from '../privacy/personalDataTable.ts';
import { withoutPerson } from '../../domain/privacy/personalData.ts';

/** A SessionBookings row is a booking or a seat count (which names nobody). */
type SessionRow = Omit<SessionBooking, 'tenantId'> & Pick<SessionSeats, 'taken'>;

export const sessionsPersonalData = [
  declareTable<SessionRow>()({
    table: tableNames.sessionBookings,
    columns: {
      programId: true,
      stepId: true,
      userId: true,
      sessionId: true,
      status: true,
      revision: true,
      syncedRevision: true,
      eventId: true,
      transactionId: true,
      calendarFailure: true,
      bookedAt: true,
      changedAt: true,
      markedBy: true,
      markedAt: true,
      taken: true,
    },
    // One partition per event step of the tenant (`tenant|program|step`): the tenant's range.
    find: (client, person) => {
      const id = person.personId;
      const from = `${keyPart(person.tenantId)}|`;
      const to = `${keyPart(person.tenantId)}}`;
      return rowsWhere(
        client,
        odata`PartitionKey ge ${from} and PartitionKey lt ${to} and (userId eq ${id} or markedBy eq ${id})`,
        (row) => (row.userId === id ? 'own' : 'mentioned'),
      );
    },
    // Their booking goes (the seat count stays as it is); an instructor who marked others is forgotten there.
    erase: (row, person) =>
      row.role === 'own'
        ? { action: 'delete' }
        : { action: 'anonymise', fields: withoutPerson(row.fields, person.personId) },
    othersColumns: ['userId', 'sessionId', 'status', 'eventId', 'transactionId', 'bookedAt', 'changedAt'],
  }),
  declareTable<Omit<BookingRef, 'tenantId'>>()({
    table: tableNames.sessionCalendarSync,
    columns: { programId: true, stepId: true, userId: true },
    find: (client, person) => rowsNamingPerson(client, person, 'userId'),
  }),
];
