// What the effect figures hold about people (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import { gunzipSync } from 'node:zlib';
import { tableNames } from '../platform/tables.ts';
import { declareTable } from '../privacy/personalDataTable.ts';
import { keyPart } from '../platform/keys.ts';
import type { EffectFiguresRow } from './effectFiguresStore.ts';

export const effectPersonalData = [
  declareTable<EffectFiguresRow>()({
    table: tableNames.effectFigures,
    columns: { at: true, figures: true },
    // The figures are about the group, not about the manager who is named: left out of their export.
    othersColumns: ['figures'],
    // Figures about groups of five or more only; but a manager's group is keyed by the manager's id,
    // and that row is theirs to see and to have erased. Erasure deletes it: the next run (within 15
    // minutes) computes it again from the sources, where the person is gone.
    find: async (client, person) => {
      const found = [];
      const rows = client.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${keyPart(person.tenantId)}` },
      });
      for await (const row of rows) {
        const bytes = row.figures instanceof Uint8Array ? row.figures : new Uint8Array();
        const figures = gunzipSync(bytes).toString('utf8');
        if (!figures.includes(`"${person.personId}"`)) continue;
        found.push({
          table: tableNames.effectFigures,
          partitionKey: String(row.partitionKey),
          rowKey: String(row.rowKey),
          role: 'mentioned' as const,
          fields: { at: row.at, figures: JSON.parse(figures) as unknown },
        });
      }
      return found;
    },
  }),
];
