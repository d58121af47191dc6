import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench -- <name> [options]`: runs bench/<name>.ts. Each bench prints one JSON line of
 * results on stdout (progress goes to stderr) and writes it under bench/results/.
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));

export interface BenchModule {
  /** Runs the bench with the arguments after its name; resolves to the process exit code. */
  main(args: string[]): Promise<number>;
}

function knownBenches(): string[] {
  return fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const known = knownBenches();
  if (!name || !known.includes(name)) {
    process.stderr.write(
      `${name ? `Unknown bench "${name}".` : 'Name a bench.'} Known benches: ${known.join(', ')}\n` +
        'Usage: npm run bench -- <name> [options]\n',
    );
    return 1;
  }
  const bench = (await import(pathToFileURL(path.join(benchDir, `${name}.ts`)).href)) as BenchModule;
  return bench.main(rest);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
