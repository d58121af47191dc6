import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personalDataTables } from '../../src/store/privacy/registry.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { privacyDocProblems } from '../support/privacyDoc.ts';

const docFile = path.resolve(import.meta.dirname, '../../docs/privacy.md');

describe('docs/privacy.md', () => {
  it('documents every table Drypp stores and every column of their rows, as the stores declare them', async () => {
    const markdown = await readFile(docFile, 'utf8');
    expect(privacyDocProblems(markdown, personalDataTables, Object.values(tableNames))).toEqual([]);
  });
});

describe('the check of docs/privacy.md', () => {
  const doc = (rows: string) =>
    `# Privacy\n\n## Tables\n\n### Things\n\n| column | what | basis | who | kept |\n|---|---|---|---|---|\n${rows}\n## After\n`;
  const keys =
    '| `PartitionKey` | tenant | — | operators | with the row |\n| `RowKey` | id | — | operators | with the row |\n';
  const declared = [{ table: 'Things', columns: ['name', 'size'] }];

  it('names the table and column that a new column left undocumented', () => {
    const markdown = doc(`${keys}| \`name\` | the name | E | HR | 12 months |\n`);
    expect(privacyDocProblems(markdown, declared, ['Things'])).toEqual([
      'docs/privacy.md: table Things, column size is not documented',
    ]);
  });

  it('names a documented column the rows do not have, and an empty cell', () => {
    const markdown = doc(
      `${keys}| \`name\` | the name | | HR | 12 months |\n| \`size\` | s | E | HR | 1 y |\n| \`colour\` | c | E | HR | 1 y |\n`,
    );
    expect(privacyDocProblems(markdown, declared, ['Things'])).toEqual([
      'docs/privacy.md: table Things, column name: "legal basis" is empty',
      'docs/privacy.md: table Things documents column colour, which its rows do not have',
    ]);
  });

  it('names a stored table without a declaration, and a declared table without a section', () => {
    const markdown = doc(`${keys}| \`name\` | n | E | HR | 1 y |\n| \`size\` | s | E | HR | 1 y |\n`);
    expect(
      privacyDocProblems(
        markdown,
        [...declared, { table: 'Others', columns: [] }],
        ['Things', 'Others', 'New'],
      ),
    ).toEqual([
      'table New has no personal-data declaration: declare it in src/store/<capability>/personalData.ts and list it in src/store/privacy/registry.ts',
      'docs/privacy.md has no section "### Others" under "## Tables"',
    ]);
  });
});
