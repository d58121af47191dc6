import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

/** The machine, and how busy it was (load average over 1, 5 and 15 minutes) when the result was taken. */
export function machine(): { cpus: number; node: string; loadavg: number[] } {
  return {
    cpus: os.availableParallelism(),
    node: process.version,
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
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
