import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_ARGS } from '../../bench/support/dryppProcess.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scripts = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** The Node flags a start script passes before `--import tsx src/main.ts`. */
function nodeFlagsOf(script: string): string[] {
  const match = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+--import tsx src\/main\.ts/.exec(script);
  if (!match) throw new Error(`not a start script of Drypp: ${script}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

describe('Node flags of the production processes', () => {
  it('are the ones the benchmarks start Drypp with, for the web and the worker role', () => {
    expect(nodeFlagsOf(scripts['start:web']!)).toEqual(PRODUCTION_NODE_ARGS);
    expect(nodeFlagsOf(scripts['start:worker']!)).toEqual(PRODUCTION_NODE_ARGS);
  });

  it('reads the flags of a start script (a script without them gives none)', () => {
    expect(nodeFlagsOf('DRYPP_ROLES=web node --import tsx src/main.ts')).toEqual([]);
    expect(nodeFlagsOf('node --a=1 --b --import tsx src/main.ts')).toEqual(['--a=1', '--b']);
    expect(() => nodeFlagsOf('tsx src/main.ts')).toThrow('not a start script');
  });
});
