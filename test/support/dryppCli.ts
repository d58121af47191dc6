// Runs the `drypp` CLI for a test: in-process through the real command tree (createCli, as
// src/cli/main.ts does), or, for the few tests that prove the launcher itself, as a real process.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommanderError, type Command } from 'commander';
import type { CliIO } from '../../src/cli/io.ts';
import { cliMessages } from '../../src/cli/messages.ts';
import { createCli } from '../../src/cli/program.ts';

export interface DryppRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DryppOptions {
  /** The whole environment the CLI sees (the launcher gets exactly this, too). */
  env: Record<string, string | undefined>;
  /** The working folder; the test process's own when not given. */
  cwd?: string;
  /** Launcher only: how long the process may run. */
  timeoutMs?: number;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const launcher = path.join(repoRoot, 'bin/drypp.js');

/** Commander calls process.exit on help, unknown commands and bad options unless told not to. */
function throwInsteadOfExiting(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) throwInsteadOfExiting(sub);
}

/**
 * `drypp …args` in this process: the same command tree, output and exit code as the launcher's,
 * including main.ts's catch-all (an unexpected throw prints a message and its stack, exit 1).
 */
export async function runDrypp(args: string[], opts: DryppOptions): Promise<DryppRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let code = 0;
  const io: CliIO = {
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
    cwd: opts.cwd ?? process.cwd(),
    isTTY: false,
    fail: (exitCode = 1) => {
      code = exitCode;
    },
  };
  const program = createCli(io, opts.env);
  throwInsteadOfExiting(program);
  try {
    await program.parseAsync(['node', 'drypp', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (through io); the process would exit with this.
      code = error.exitCode;
    } else {
      io.err(cliMessages.unexpectedError(error instanceof Error ? error.message : String(error)));
      if (error instanceof Error && error.stack) io.err(error.stack);
      io.fail(1);
    }
  }
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** `node bin/drypp.js …args` as a real process: for tests of the launcher itself. */
export function runDryppLauncher(args: string[], opts: DryppOptions): Promise<DryppRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [launcher, ...args],
      {
        ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
        timeout: opts.timeoutMs ?? 30_000,
        env: opts.env,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
