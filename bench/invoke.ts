import { parseArgs } from 'node:util';
import { Cleanup } from './support/cleanup.ts';
import { runClosedLoop, type ClosedLoopOptions } from './support/invokeClosedLoop.ts';
import { runOpenLoop, type OpenLoopOptions } from './support/invokeOpenLoop.ts';
import { wholeNumber } from './support/options.ts';
import { progress } from './support/results.ts';

/**
 * `npm run bench -- invoke`: card answers (adaptiveCard/action invokes, as Teams sends them)
 * against Drypp running as its own process. By default an open loop of real answers at a fixed
 * rate (bench/support/invokeOpenLoop.ts); `--closed` runs the first, closed-loop version of this
 * bench (bench/support/invokeClosedLoop.ts), kept for comparison.
 */
const usage = `Usage: npm run bench -- invoke [--rate 100] [--duration 20] [--warmup-s 3] [--tenants 4]
                            [--count-table-calls] [--drypp-cpu-prof <dir>]
       npm run bench -- invoke --closed [--concurrency 50] [--requests 1000] [--warmup 50]
                            [--max-seconds 120] [--think-ms 0] [--count-table-calls] [--drypp-cpu-prof <dir>]`;

type Options = { closed: true; closedLoop: ClosedLoopOptions } | { closed: false; openLoop: OpenLoopOptions };

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      closed: { type: 'boolean', default: false },
      rate: { type: 'string', default: '100' },
      duration: { type: 'string', default: '20' },
      'warmup-s': { type: 'string', default: '3' },
      tenants: { type: 'string', default: '4' },
      concurrency: { type: 'string', default: '50' },
      requests: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '50' },
      'max-seconds': { type: 'string', default: '120' },
      'think-ms': { type: 'string', default: '0' },
      'count-table-calls': { type: 'boolean', default: false },
      'drypp-cpu-prof': { type: 'string' },
    },
  });
  const int = wholeNumber;
  if (values.closed) {
    return {
      closed: true,
      closedLoop: {
        concurrency: int('concurrency', values.concurrency, 1, 500),
        requests: int('requests', values.requests, 1, 1_000_000),
        warmup: int('warmup', values.warmup, 0, 100_000),
        maxSeconds: int('max-seconds', values['max-seconds'], 1, 3600),
        thinkMs: int('think-ms', values['think-ms'], 0, 60_000),
        countTableCalls: values['count-table-calls'],
        dryppCpuProf: values['drypp-cpu-prof'],
      },
    };
  }
  return {
    closed: false,
    openLoop: {
      rate: int('rate', values.rate, 1, 2000),
      durationS: int('duration', values.duration, 1, 600),
      warmupS: int('warmup-s', values['warmup-s'], 0, 60),
      tenants: int('tenants', values.tenants, 1, 50),
      countTableCalls: values['count-table-calls'],
      dryppCpuProf: values['drypp-cpu-prof'],
    },
  };
}

export async function main(args: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 1;
  }
  const cleanup = new Cleanup();
  // Setting up takes a minute or two; past this, something hangs and the bench gives up.
  const loadS = options.closed
    ? options.closedLoop.maxSeconds
    : options.openLoop.durationS + options.openLoop.warmupS;
  const hardLimit = setTimeout(
    () => {
      progress('hard time limit reached: stopping');
      void cleanup.run().finally(() => process.exit(1));
    },
    (loadS + 300) * 1000,
  );
  try {
    return options.closed
      ? await runClosedLoop(options.closedLoop, cleanup)
      : await runOpenLoop(options.openLoop, cleanup);
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}
