import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { SessionBooking, SessionSeats } from '../../domain/sessions/sessionBooking.ts';
import type {
  BookingRef,
  CalendarSyncQueue,
  EventStepRef,
  SeatsRow,
  SessionStore,
} from '../../usecases/sessions/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, rowKey } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/**
 * `SessionBookings`: one partition per event step (`tenant|program|step`) holding its seat counts
 * (`seats|<session>`) and its bookings (`booking|<person>`). Being in one partition, a booking and
 * the seat counts it changes are written in one entity-group transaction guarded by their ETags:
 * two people taking the last seat at once cannot both have it, and no seat is counted without its booking.
 */
export class TableSessionStore implements SessionStore {
  constructor(private readonly table: TableClient) {}

  async load(ref: BookingRef) {
    const partition = stepPartition(ref);
    const seats: Array<Stored<SessionSeats>> = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partition} and RowKey ge 'seats|' and RowKey lt 'seats}'`,
      },
    })) {
      seats.push(seatsFromRow(ref, row));
    }
    return { seats, booking: await this.getBooking(ref) };
  }

  async saveBooking(
    booking: SessionBooking | Stored<SessionBooking>,
    seats: readonly SeatsRow[],
  ): Promise<'saved' | 'conflict'> {
    const actions: TransactionAction[] = seats.map((s) =>
      s.etag ? ['update', seatsToRow(s), 'Replace', { etag: s.etag }] : ['create', seatsToRow(s)],
    );
    const etag = (booking as Partial<Stored<SessionBooking>>).etag;
    actions.push(
      etag ? ['update', bookingToRow(booking), 'Replace', { etag }] : ['create', bookingToRow(booking)],
    );
    try {
      await this.table.submitTransaction(actions);
      return 'saved';
    } catch (error) {
      // A row changed since it was read (412) or was created meanwhile (409): nothing was written.
      if (isStatus(error, 412) || isStatus(error, 409)) return 'conflict';
      throw error;
    }
  }

  async getBooking(ref: BookingRef): Promise<Stored<SessionBooking> | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        stepPartition(ref),
        bookingKey(ref.userId),
      );
      return bookingFromRow(ref, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async updateBooking(booking: Stored<SessionBooking>): Promise<'updated' | 'conflict'> {
    try {
      await this.table.updateEntity(bookingToRow(booking), 'Replace', { etag: booking.etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async bookingsOf(ref: EventStepRef): Promise<Array<Stored<SessionBooking>>> {
    const result: Array<Stored<SessionBooking>> = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${stepPartition(ref)} and RowKey ge 'booking|' and RowKey lt 'booking}'`,
      },
    })) {
      result.push(bookingFromRow(ref, row));
    }
    return result;
  }
}

/** `SessionCalendarSync`: one partition per tenant, a row per booking whose calendar is behind. */
export class TableCalendarSyncQueue implements CalendarSyncQueue {
  constructor(private readonly table: TableClient) {}

  async mark(ref: BookingRef): Promise<void> {
    const { tenantId, ...fields } = ref;
    await this.table.upsertEntity(
      { partitionKey: keyPart(tenantId), rowKey: rowKey(ref.programId, ref.stepId, ref.userId), ...fields },
      'Replace',
    );
  }

  async list(tenantId: string, limit: number): Promise<BookingRef[]> {
    const pages = this.table
      .listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${keyPart(tenantId)}` },
      })
      .byPage({ maxPageSize: limit });
    for await (const rows of pages) {
      return rows.map((row) => ({
        tenantId,
        programId: String(row.programId),
        stepId: String(row.stepId),
        userId: String(row.userId),
      }));
    }
    return [];
  }

  async clear(ref: BookingRef): Promise<void> {
    try {
      await this.table.deleteEntity(keyPart(ref.tenantId), rowKey(ref.programId, ref.stepId, ref.userId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error; // cleared by an earlier round
    }
  }
}

export function stepPartition(ref: EventStepRef): string {
  return `${keyPart(ref.tenantId)}|${keyPart(ref.programId)}|${keyPart(ref.stepId)}`;
}

const bookingKey = (userId: string) => `booking|${keyPart(userId)}`;
const seatsKey = (sessionId: string) => `seats|${keyPart(sessionId)}`;

function seatsToRow(s: SessionSeats) {
  return {
    partitionKey: stepPartition(s),
    rowKey: seatsKey(s.sessionId),
    sessionId: s.sessionId,
    taken: s.taken,
  };
}

function seatsFromRow(ref: EventStepRef, row: Record<string, unknown>): Stored<SessionSeats> {
  const { etag } = stripRow<object>(row);
  return {
    tenantId: ref.tenantId,
    programId: ref.programId,
    stepId: ref.stepId,
    sessionId: String(row.sessionId),
    taken: Number(row.taken),
    etag: etag!,
  };
}

function bookingToRow(b: SessionBooking) {
  const { tenantId: _t, etag: _e, ...fields } = b as SessionBooking & { etag?: string };
  return { partitionKey: stepPartition(b), rowKey: bookingKey(b.userId), ...withoutUndefined(fields) };
}

function bookingFromRow(ref: EventStepRef, row: Record<string, unknown>): Stored<SessionBooking> {
  const { etag, ...fields } = stripRow<Omit<SessionBooking, 'tenantId'>>(row);
  return { ...fields, tenantId: ref.tenantId, etag: etag! };
}
