import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

export function machine(): { cpus: number; node: string } {
  return { cpus: os.availableParallelism(), node: process.version };
}

/**
 * Prints the result as exactly one JSON line on stdout and writes it to
 * bench/results/<name>-<timestamp>.json and <name>-latest.json.
 */
export function publishResult(name: string, result: object): string[] {
  const line = JSON.stringify(result);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const files = [
    path.join(resultsDir, `${name}-${stamp}.json`),
    path.join(resultsDir, `${name}-latest.json`),
  ];
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const file of files) fs.writeFileSync(file, `${line}\n`);
  process.stdout.write(`${line}\n`);
  return files;
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
