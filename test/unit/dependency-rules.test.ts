import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { dependencyViolations, type DependencyViolation } from '../../scripts/dependencyRules.ts';

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
    [
      'tabs/src/pages/x.tsx',
      "import { verifier } from '../../../src/http/tabs/sso.ts';\nexport const x = verifier;\n",
    ],
    ['tabs/src/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
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
    [
      'tabs/src/pages/x.tsx',
      "import type { MeResponse } from '../../../src/http/tabs/contract.ts';\nexport type X = MeResponse;\n",
    ],
  ])('%s may import that', async (file, code) => {
    expect(await ruleMessages(file, code)).toEqual([]);
  });
});

/**
 * The layer rules of .dependency-cruiser.cjs (npm run deps), run with the real rules file on small
 * sample trees written to a temporary folder: each rule fires on an import that breaks it, stays quiet
 * on the imports the layers are meant to have, and the real tree passes.
 */
const badImports: Array<[rule: string, from: string, imports: string]> = [
  ['no-cycles', 'src/domain/learning/a.ts', "import { b } from './b.ts';"],
  ['domain-is-pure', 'src/domain/learning/pure.ts', "import { u } from '../../usecases/learning/u.ts';"],
  ['domain-is-pure', 'src/domain/platform/words.ts', "import { m } from '../../messages/m.ts';"],
  [
    'usecases-only-domain-and-ports',
    'src/usecases/learning/store.ts',
    "import { s } from '../../store/learning/s.ts';",
  ],
  [
    'usecases-only-domain-and-ports',
    'src/usecases/delivery/card.ts',
    "import { c } from '../../cards/learning/c.ts';",
  ],
  [
    'usecases-only-domain-and-ports',
    'src/usecases/delivery/bot.ts',
    "import { b } from '../../../bot/b.ts';",
  ],
  ['cards-only-domain-and-messages', 'src/cards/learning/bot.ts', "import { b } from '../../../bot/b.ts';"],
  [
    'only-presenters-know-use-cases',
    'src/cards/learning/steps/step.ts',
    "import type { U } from '../../../usecases/learning/u.ts';",
  ],
  [
    'presenters-import-use-case-types-only',
    'src/cards/learning/presenters/runs.ts',
    "import { u } from '../../../usecases/learning/u.ts';",
  ],
  [
    'adapters-only-domain-and-ports',
    'src/store/learning/usecase.ts',
    "import { u } from '../../usecases/learning/u.ts';",
  ],
  ['adapters-only-domain-and-ports', 'src/graph/store.ts', "import { s } from '../store/learning/s.ts';"],
  ['adapters-only-domain-and-ports', 'src/teams/cards.ts', "import { c } from '../cards/learning/c.ts';"],
  [
    'adapters-import-settings-types-only',
    'src/teams/settings.ts',
    "import { config } from '../config/config.ts';",
  ],
  [
    'only-the-composition-root-wires-adapters',
    'bot/store.ts',
    "import { s } from '../src/store/learning/s.ts';",
  ],
  ['only-the-composition-root-wires-adapters', 'src/jobs/graph.ts', "import { g } from '../graph/g.ts';"],
  ['http-gets-adapters-handed-in', 'src/http/content.ts', "import { l } from '../content/l.ts';"],
  ['http-gets-adapters-handed-in', 'src/http/bot.ts', "import { x } from '../teams/botAdapter.ts';"],
  [
    'http-knows-only-the-bot-adapter',
    'src/http/storeType.ts',
    "import type { X } from '../store/learning/s.ts';",
  ],
  ['nobody-imports-the-composition-root', 'src/http/root.ts', "import { compose } from '../compose.ts';"],
  ['tabs-only-api-contracts', 'tabs/app.ts', "import type { P } from '../src/domain/learning/p.ts';"],
  ['product-never-imports-dev-code', 'src/http/dev.ts', "import { t } from '../../test/support/t.ts';"],
  ['fakes-only-in-tests', 'src/jobs/fake.ts', "import { f } from '../usecases/learning/testing/fakes.ts';"],
  ['messages-only-domain', 'src/messages/cards.ts', "import { c } from '../cards/learning/c.ts';"],
];

const goodImports: Array<[from: string, imports: string]> = [
  ['src/domain/learning/d2.ts', "import { p } from './p.ts';"],
  [
    'src/usecases/learning/u2.ts',
    "import { p } from '../../domain/learning/p.ts';\nimport type { Port } from '../delivery/ports.ts';\nimport { u } from './u.ts';",
  ],
  [
    'src/cards/learning/presenters/p2.ts',
    "import type { U } from '../../../usecases/learning/u.ts';\nimport { m } from '../../../messages/m.ts';\nimport { c } from '../c.ts';\nimport { p } from '../../../domain/learning/p.ts';",
  ],
  [
    'src/store/learning/s2.ts',
    "import type { Port } from '../../usecases/learning/ports.ts';\nimport type { Config } from '../../config/config.ts';\nimport { s } from './s.ts';\nimport { p } from '../../domain/learning/p.ts';",
  ],
  [
    'bot/b2.ts',
    "import { u } from '../src/usecases/learning/u.ts';\nimport { c } from '../src/cards/learning/c.ts';\nimport { p } from '../src/domain/learning/p.ts';\nimport { b } from './b.ts';",
  ],
  ['src/http/endpoint.ts', "import type { X } from '../teams/botAdapter.ts';"],
  [
    'src/jobs/j.ts',
    "import { u } from '../usecases/learning/u.ts';\nimport type { Port } from '../usecases/learning/ports.ts';",
  ],
  [
    'src/compose.ts',
    "import { s } from './store/learning/s.ts';\nimport { g } from './graph/g.ts';\nimport { l } from './content/l.ts';",
  ],
  [
    'src/main.ts',
    "import { compose } from './compose.ts';\nimport { b } from '../bot/b.ts';\nimport { t } from './teams/t.ts';",
  ],
  ['src/cli/run.ts', "import { s } from '../store/learning/s.ts';\nimport { compose } from '../compose.ts';"],
  [
    'tabs/app.ts',
    "import type { Contract } from '../src/http/learning/contract.ts';\nimport { own } from './own.ts';",
  ],
  [
    'src/usecases/learning/u2.test.ts',
    "import { f } from './testing/fakes.ts';\nimport { u } from './u.ts';",
  ],
];

/** Files that only export: the targets of the sample imports. */
const leaves = [
  'src/domain/learning/p.ts',
  'src/usecases/learning/u.ts',
  'src/usecases/learning/ports.ts',
  'src/usecases/delivery/ports.ts',
  'src/usecases/learning/testing/fakes.ts',
  'src/messages/m.ts',
  'src/cards/learning/c.ts',
  'src/store/learning/s.ts',
  'src/graph/g.ts',
  'src/teams/t.ts',
  'src/teams/botAdapter.ts',
  'src/content/l.ts',
  'src/config/config.ts',
  'src/http/learning/contract.ts',
  'src/compose.ts',
  'bot/b.ts',
  'tabs/own.ts',
  'test/support/t.ts',
];

async function sampleTree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'drypp-deps-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const leafFiles = (): Record<string, string> =>
  Object.fromEntries(leaves.map((file) => [file, 'export const x = 1;\nexport type X = number;\n']));

describe('layer rules (dependency-cruiser)', () => {
  const dirs: string[] = [];
  let bad: DependencyViolation[] = [];
  let good: DependencyViolation[] = [];

  beforeAll(async () => {
    const badDir = await sampleTree({
      ...leafFiles(),
      'src/domain/learning/b.ts': "import { a } from './a.ts';\nexport const b = a;\n",
      ...Object.fromEntries(
        badImports.map(([, from, imports]) => [from, `${imports}\nexport const y = 1;\n`]),
      ),
    });
    const goodDir = await sampleTree({
      ...leafFiles(),
      ...Object.fromEntries(
        goodImports.map(([from, imports]) => [from, `${imports}\nexport const y = 1;\n`]),
      ),
    });
    dirs.push(badDir, goodDir);
    [bad, good] = await Promise.all([
      dependencyViolations(badDir),
      dependencyViolations(goodDir, ['src', 'bot', 'tabs']),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it.each(badImports)('%s fires on %s', (rule, from) => {
    expect(bad.filter((v) => v.from === from).map((v) => v.rule)).toContain(rule);
  });

  it('fires on nothing else in the bad samples', () => {
    const expected = new Set(badImports.map(([rule, from]) => `${rule} ${from}`));
    // The cycle is reported from both of its files; a use case that imports a store breaks two rules.
    expected.add('no-cycles src/domain/learning/b.ts');
    expected.add('only-the-composition-root-wires-adapters src/usecases/learning/store.ts');
    expected.add('http-knows-only-the-bot-adapter src/http/content.ts');
    expect(bad.map((v) => `${v.rule} ${v.from}`).filter((v) => !expected.has(v))).toEqual([]);
  });

  it('leaves the imports the layers are meant to have alone', () => {
    expect(good).toEqual([]);
  });

  it('passes on the real tree', async () => {
    expect(await dependencyViolations(process.cwd())).toEqual([]);
  }, 60_000);
});
