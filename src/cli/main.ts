// Entry point of the drypp CLI (bin/drypp.js loads this through tsx).
import { processIO } from './io.ts';
import { cliMessages } from './messages.ts';
import { createCli } from './program.ts';

const io = processIO();
try {
  await createCli(io).parseAsync(process.argv);
} catch (error) {
  // Expected failures set the exit code themselves; anything thrown here is a bug, so keep the stack.
  io.err(cliMessages.unexpectedError(error instanceof Error ? error.message : String(error)));
  if (error instanceof Error && error.stack) io.err(error.stack);
  io.fail(1);
}
