import { odata, type TableClient } from '@azure/data-tables';
import type {
  EraseContext,
  EraseDecision,
  PersonRef,
  PersonalRow,
  RowRole,
} from '../../domain/privacy/personalData.ts';
import { keyPart } from '../platform/keys.ts';

/**
 * Every table declares what it holds and how to find, export and erase one person's rows in it, in
 * its own capability's folder (src/store/<capability>/personalData.ts), listed in ./registry.ts.
 * docs/privacy.md documents each table and column for the data-protection officer; a test checks the
 * two against each other and against `tableNames`, so a new table or column cannot go undocumented.
 */
export interface PersonalDataTable {
  /** The table's name in storage (a value of `tableNames`). */
  table: string;
  /** Every column a row can have besides PartitionKey, RowKey and Timestamp. */
  columns: readonly string[];
  /** The person's own rows, and other people's rows that name them; [] when the table holds none. */
  find(client: TableClient, person: PersonRef): Promise<PersonalRow[]>;
  /** What erasing one found row does. */
  erase(row: PersonalRow, person: PersonRef, context: EraseContext): EraseDecision;
  /**
   * Columns that, in a row that only names the person (a request they decided), are someone else's
   * data: left out of this person's export (GDPR art. 15(4): an export must not give away others').
   */
  othersColumns: readonly string[];
}

/** Columns of a row type: the SDK's keys and our ETag are not columns. */
type ColumnsOf<Row> = Exclude<keyof Row, 'partitionKey' | 'rowKey' | 'etag'>;

/**
 * Every column, each once. A row type that has collapsed to `never` (an intersection of types whose
 * fields conflict) or has an index signature would accept any list, so both are refused.
 */
type ColumnList<Row> = [Row] extends [never]
  ? 'the row type is never: intersect types whose shared fields agree'
  : string extends keyof Row
    ? 'the row type has an index signature: name its columns'
    : { readonly [K in ColumnsOf<Row>]-?: true };

/**
 * Declares a table against its row type: `columns` must name every column of `Row` and nothing else
 * (the compiler says which one is missing or extra), so the declaration follows the store's type.
 */
export function declareTable<Row>() {
  return (declaration: {
    table: string;
    columns: ColumnList<Row>;
    find: PersonalDataTable['find'];
    /** Default: delete the row. */
    erase?: PersonalDataTable['erase'];
    othersColumns?: ReadonlyArray<ColumnsOf<Row>>;
  }): PersonalDataTable => ({
    table: declaration.table,
    columns: Object.keys(declaration.columns),
    find: declaration.find,
    erase: declaration.erase ?? (() => ({ action: 'delete' })),
    othersColumns: (declaration.othersColumns ?? []).map(String),
  });
}

/** A table that holds nothing about any person (leases, the send rate): nothing to export or erase. */
export const noPersonalData = async (): Promise<PersonalRow[]> => [];

type Row = Record<string, unknown>;

function toPersonal(table: string, role: RowRole, row: Row): PersonalRow {
  const { partitionKey, rowKey, timestamp: _t, etag: _e, 'odata.etag': _o, ...fields } = row;
  return { table, partitionKey: String(partitionKey), rowKey: String(rowKey), role, fields };
}

/** Rows matching an OData filter, each given its role by `roleOf` (undefined: not about the person). */
export async function rowsWhere(
  client: TableClient,
  filter: string,
  roleOf: (row: Row) => RowRole | undefined = () => 'own',
): Promise<PersonalRow[]> {
  const found: PersonalRow[] = [];
  for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
    const role = roleOf(row);
    if (role) found.push(toPersonal(client.tableName, role, row));
  }
  return found;
}

/** The one row at (tenant, person): conversations, reachability, time-zone checks. */
export function rowOfPersonInTenant(client: TableClient, person: PersonRef): Promise<PersonalRow[]> {
  return rowsWhere(
    client,
    odata`PartitionKey eq ${keyPart(person.tenantId)} and RowKey eq ${keyPart(person.personId)}`,
  );
}

/** Rows of the tenant's partition whose row key starts with `person|` (welcomes, daily sends). */
export function rowsKeyedByPerson(client: TableClient, person: PersonRef): Promise<PersonalRow[]> {
  const prefix = `${keyPart(person.personId)}|`;
  return rowsWhere(
    client,
    odata`PartitionKey eq ${keyPart(person.tenantId)} and RowKey ge ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}}`}`,
  );
}

/** Rows of the tenant's partition where one of `fields` is the person's id; the first field means 'own'. */
export function rowsNamingPerson(
  client: TableClient,
  person: PersonRef,
  ownField: string,
  mentionFields: readonly string[] = [],
): Promise<PersonalRow[]> {
  const fields = [ownField, ...mentionFields];
  // Field names are ours (constants), never input; only the id is a value, quoted by odata.
  const value = `'${person.personId.replaceAll("'", "''")}'`; // OData's quoting, as odata`` does it
  const named = fields.map((f) => `${f} eq ${value}`).join(' or ');
  return rowsWhere(client, `${odata`PartitionKey eq ${keyPart(person.tenantId)}`} and (${named})`, (row) =>
    row[ownField] === person.personId
      ? 'own'
      : mentionFields.some((f) => row[f] === person.personId)
        ? 'mentioned'
        : undefined,
  );
}
