import { gunzipSync, gzipSync } from 'node:zlib';
import { odata, type TableClient } from '@azure/data-tables';
import type { EffectSnapshot } from '../../domain/effect/effectSnapshot.ts';
import type { ManagerInvolvement } from '../../domain/effect/managerInvolvement.ts';
import type { ProgramEffect } from '../../domain/effect/programEffect.ts';
import type { EffectFiguresStore } from '../../usecases/effect/ports.ts';
import { keyPart } from '../platform/keys.ts';

/** A binary property holds at most 64 KiB: gzip makes that several hundred kB of figures per program. */
const MAX_FIGURES_BYTES = 64 * 1024;

/**
 * The row of the tenant-wide manager involvement (nudges name no program). Program ids are slugs,
 * never starting with '~', so it cannot meet a program's row.
 */
export const INVOLVEMENT_ROW = '~managers';

/** One row per tenant and program (and the involvement row): when it was computed, and the program's figures as gzipped JSON. */
export interface EffectFiguresRow {
  partitionKey: string;
  rowKey: string;
  at: string;
  figures: Uint8Array;
}

/**
 * The Effect view's read model (EffectFigures): one partition per tenant, one row per program, so the
 * view is one partition query. A run replaces each program's row; rows of programs no longer in the
 * content are removed. The figures passed the five-person rule before they were stored.
 */
export class TableEffectFiguresStore implements EffectFiguresStore {
  constructor(private readonly table: TableClient) {}

  async load(tenantId: string): Promise<EffectSnapshot | undefined> {
    const programs: ProgramEffect[] = [];
    let involvement: ManagerInvolvement | undefined;
    let at: string | undefined;
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keyPart(tenantId)}` },
    });
    for await (const row of rows) {
      const bytes = row.figures instanceof Uint8Array ? row.figures : new Uint8Array();
      const figures: unknown = JSON.parse(gunzipSync(bytes).toString('utf8'));
      if (row.rowKey === INVOLVEMENT_ROW) involvement = figures as ManagerInvolvement;
      else programs.push(figures as ProgramEffect);
      if (typeof row.at === 'string' && (at === undefined || row.at > at)) at = row.at;
    }
    if (at === undefined) return undefined;
    return { tenantId, at, programs, ...(involvement ? { involvement } : {}) };
  }

  async save(snapshot: EffectSnapshot): Promise<void> {
    const partitionKey = keyPart(snapshot.tenantId);
    const kept = new Set<string>();
    const parts: Array<{ rowKey: string; value: object }> = snapshot.programs.map((program) => ({
      rowKey: keyPart(program.programId),
      value: program,
    }));
    if (snapshot.involvement) parts.push({ rowKey: INVOLVEMENT_ROW, value: snapshot.involvement });
    for (const { rowKey, value } of parts) {
      const figures = new Uint8Array(gzipSync(JSON.stringify(value)));
      if (figures.byteLength > MAX_FIGURES_BYTES) {
        throw new Error(`effect figures of ${rowKey} too large to store: ${figures.byteLength} bytes`);
      }
      kept.add(rowKey);
      const row: EffectFiguresRow = { partitionKey, rowKey, at: snapshot.at, figures };
      await this.table.upsertEntity(row, 'Replace');
    }
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] },
    });
    for await (const row of rows) {
      if (!kept.has(String(row.rowKey))) await this.table.deleteEntity(partitionKey, String(row.rowKey));
    }
  }
}
