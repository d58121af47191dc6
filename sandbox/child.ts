import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface Child {
  name: string;
  process: ChildProcess;
  /** SIGTERM to its group, SIGKILL after `graceMs` (default 5 s) if it has not exited by then. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines it printed, for a clear message when it dies early. */
  tail(): string;
}

/**
 * Starts a child in its own process group (so stop() ends its children too) and prefixes its
 * output with its name when `echo` is set.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: (line: string) => void } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
    options.echo?.(line);
  };
  readline.createInterface({ input: child.stdout! }).on('line', keep);
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    name,
    process: child,
    tail: () => lines.join('\n'),
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, 'SIGTERM');
      const killed = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(killed);
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already gone is fine
  }
}
