import type { Logger } from '../log/logger.ts';
import {
  handleOutbound,
  type HandleOutcome,
  type OutboundHandlerDeps,
} from '../usecases/delivery/handleOutbound.ts';
import type { OutboundLane, ReceivedOutbound } from '../usecases/delivery/outboundPorts.ts';
import type { Job } from './worker.ts';

/**
 * The outbound pipeline's consumer: each round drains both lanes (interactive first) with up to
 * `concurrency` messages in flight, and ends when both are empty; the next tick starts the next.
 * Any number of worker processes run it on one store: the queue hands each message to one of them,
 * the status rows and the shared rate do the rest.
 */
export function outboundJob(
  deps: OutboundHandlerDeps,
  log: Logger,
  options: { concurrency: number; visibilitySeconds: number; intervalMs?: number },
): Job & { outcomes: Record<string, number> } {
  const outcomes: Record<string, number> = {};
  let stopping = false;
  const handle = async (received: ReceivedOutbound) => {
    let outcome: HandleOutcome;
    try {
      outcome = await handleOutbound(deps, received);
    } catch (error) {
      // Left on the queue: it comes back after its visibility timeout, and is set aside once it
      // has come back too often (handleOutbound counts the dequeues).
      log.error(
        { err: error, key: received.message.item.key, dequeueCount: received.dequeueCount },
        'outbound message failed',
      );
      outcomes.errors = (outcomes.errors ?? 0) + 1;
      return;
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  return {
    name: 'outbound',
    intervalMs: options.intervalMs ?? 250,
    runAtStart: true,
    outcomes,
    stop() {
      stopping = true;
    },
    async runOnce() {
      const inFlight = new Set<Promise<void>>();
      const before = { ...outcomes };
      while (!stopping) {
        const room = options.concurrency - inFlight.size;
        let got: ReceivedOutbound[] = [];
        if (room >= Math.min(8, options.concurrency)) {
          for (const lane of ['interactive', 'bulk'] as OutboundLane[]) {
            got = await deps.queue.receive(lane, Math.min(32, room), options.visibilitySeconds);
            if (got.length > 0) break;
          }
        }
        if (got.length === 0 && inFlight.size === 0) break;
        for (const received of got) {
          const running: Promise<void> = handle(received).finally(() => inFlight.delete(running));
          inFlight.add(running);
        }
        if (got.length === 0 || inFlight.size >= options.concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      const changed = Object.fromEntries(
        Object.entries(outcomes)
          .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
          .filter(([, v]) => v > 0),
      );
      if (Object.keys(changed).length > 0) log.info(changed, 'outbound round');
    },
  };
}
