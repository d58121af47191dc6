// Reads docs/privacy.md and checks it against the personal-data registry: every table Drypp stores
// is declared and documented, and every column of every table is documented with what it is for,
// its legal basis, who can see it and how long it is kept. Each problem names the table and column.

export interface DeclaredTable {
  table: string;
  columns: readonly string[];
}

export interface DocumentedColumn {
  column: string;
  cells: string[];
}

/** The key columns every table has; they carry ids too, so they are documented like the others. */
export const KEY_COLUMNS = ['PartitionKey', 'RowKey'];

/** What each column's row must say, after the column's name. */
export const COLUMN_CELLS = ['what it holds', 'legal basis', 'who can see it', 'kept'];

/** `### Table` sections under `## Tables`, each with a `| column | … |` table. */
export function documentedTables(markdown: string): Map<string, DocumentedColumn[]> {
  const tables = new Map<string, DocumentedColumn[]>();
  const start = markdown.indexOf('\n## Tables');
  if (start < 0) return tables;
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  let current: DocumentedColumn[] | undefined;
  for (const line of section.split('\n')) {
    const heading = /^### `?([A-Za-z0-9]+)`?\s*$/.exec(line);
    if (heading) {
      current = [];
      tables.set(heading[1]!, current);
      continue;
    }
    const row = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (row && current) {
      current.push({ column: row[1]!, cells: row[2]!.split('|').map((c) => c.trim()) });
    }
  }
  return tables;
}

/** Every disagreement between the stores, the registry and the document; [] when they agree. */
export function privacyDocProblems(
  markdown: string,
  declared: readonly DeclaredTable[],
  storedTables: readonly string[],
): string[] {
  const problems: string[] = [];
  const documented = documentedTables(markdown);
  const byName = new Map<string, DeclaredTable>();
  for (const d of declared) {
    if (byName.has(d.table))
      problems.push(`table ${d.table} is declared twice in the personal-data registry`);
    byName.set(d.table, d);
  }
  for (const name of storedTables) {
    if (!byName.has(name))
      problems.push(
        `table ${name} has no personal-data declaration: declare it in src/store/<capability>/personalData.ts and list it in src/store/privacy/registry.ts`,
      );
  }
  for (const d of declared) {
    if (!storedTables.includes(d.table))
      problems.push(`table ${d.table} is declared in the personal-data registry but is not in tableNames`);
    const doc = documented.get(d.table);
    if (!doc) {
      problems.push(`docs/privacy.md has no section "### ${d.table}" under "## Tables"`);
      continue;
    }
    const expected = [...KEY_COLUMNS, ...d.columns];
    const seen = new Set<string>();
    for (const entry of doc) {
      if (seen.has(entry.column))
        problems.push(`docs/privacy.md: table ${d.table} documents column ${entry.column} twice`);
      seen.add(entry.column);
      if (!expected.includes(entry.column)) {
        problems.push(
          `docs/privacy.md: table ${d.table} documents column ${entry.column}, which its rows do not have`,
        );
        continue;
      }
      COLUMN_CELLS.forEach((cell, i) => {
        if (!entry.cells[i])
          problems.push(`docs/privacy.md: table ${d.table}, column ${entry.column}: "${cell}" is empty`);
      });
    }
    for (const column of expected) {
      if (!seen.has(column))
        problems.push(`docs/privacy.md: table ${d.table}, column ${column} is not documented`);
    }
  }
  for (const name of documented.keys()) {
    if (!byName.has(name))
      problems.push(`docs/privacy.md documents table ${name}, which Drypp does not store`);
  }
  return problems;
}
