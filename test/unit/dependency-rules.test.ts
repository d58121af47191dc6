import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/** The lint rules that keep ../shared/STYLE.md's dependency direction true, checked on small samples. */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('dependency rules', () => {
  it.each([
    [
      'src/usecases/x.ts',
      "import { TableClient } from '@azure/data-tables';\nexport const x = TableClient;\n",
    ],
    ['bot/x.ts', "import { QueueClient } from '@azure/storage-queue';\nexport const x = QueueClient;\n"],
    [
      'src/store/x.ts',
      "import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n",
    ],
    [
      'src/http/x.ts',
      "import { ConfidentialClientApplication } from '@azure/msal-node';\nexport const x = ConfidentialClientApplication;\n",
    ],
    ['src/usecases/x.ts', "import { CloudAdapter } from 'botbuilder';\nexport const x = CloudAdapter;\n"],
    [
      'src/store/x.ts',
      "import { startAzurite } from '../../sandbox/azurite.ts';\nexport const x = startAzurite;\n",
    ],
    ['bot/x.ts', "import { freePort } from '../test/support/ports.ts';\nexport const x = freePort;\n"],
    ['src/domain/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await ruleMessages(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/store/x.ts', "import { TableClient } from '@azure/data-tables';\nexport const x = TableClient;\n"],
    [
      'src/graph/x.ts',
      "import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n",
    ],
    ['bot/x.ts', "import { ActivityHandler } from 'botbuilder';\nexport const x = ActivityHandler;\n"],
    ['test/x.ts', "import { startAzurite } from '../sandbox/azurite.ts';\nexport const x = startAzurite;\n"],
  ])('%s may import that', async (file, code) => {
    expect(await ruleMessages(file, code)).toEqual([]);
  });
});
