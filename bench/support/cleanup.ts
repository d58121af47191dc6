import type { Child } from '../../sandbox/child.ts';

/**
 * What a bench started, stopped in reverse order however the bench ends: normally, on an error,
 * on Ctrl-C or SIGTERM, or at its hard time limit. Children run in their own process groups, so a
 * signal to the bench would not reach them; as a last resort, the exit handler kills them.
 */
export class Cleanup {
  private readonly steps: Array<() => Promise<void>> = [];
  private readonly children: Child[] = [];
  private running: Promise<void> | undefined;

  constructor() {
    process.once('exit', () => {
      for (const child of this.children) {
        const pid = child.process.pid;
        if (pid && child.process.exitCode === null && child.process.signalCode === null) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`[bench] ${signal}: stopping\n`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  addChild(child: Child): void {
    this.children.push(child);
    this.steps.push(() => child.stop());
  }

  /** Runs every step once, newest first; a failing step does not stop the others. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step().catch((error: unknown) =>
          process.stderr.write(`[bench] cleanup: ${(error as Error).message}\n`),
        );
      }
    })();
    return this.running;
  }
}
