// What a CLI command may touch: its output streams, the working folder and the exit code.
// Commands receive this instead of reaching for process, so that they can be tested in-process.
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  fail(exitCode?: number): void;
  /** Whether stdout is a terminal (live progress bars only then). */
  isTTY?: boolean;
}

export function processIO(): CliIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    fail: (exitCode = 1) => {
      process.exitCode = exitCode;
    },
  };
}
