import type { Composed } from '../../src/compose.ts';
import { composeOutbound } from '../../src/composeOutbound.ts';
import { loadConfig } from '../../src/config/config.ts';
import { renderDueCard } from '../../src/cards/delivery/presenters/dueCardPresenter.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createBotAdapter } from '../../src/teams/botAdapter.ts';
import { BotTeamsConnector } from '../../src/teams/teamsConnector.ts';
import { dripCardKind } from '../../src/usecases/delivery/drip/dripCardKind.ts';
import type { OutboundCardKind, TeamsConnector } from '../../src/usecases/delivery/outboundPorts.ts';
import type { SchedulerDeps } from '../../src/usecases/delivery/deliverDueCards.ts';

/**
 * The production outbound consumer in the test's own process, on the test's Azurite: the status
 * rows, the queues, the shared rate and botbuilder's connector to whatever chat the person has (a
 * fake connector). `drain()` runs one consumer round: every message that is visible now is handled.
 * The drip kind is registered with the shipped card renderer; pass more kinds as needed.
 */
export function inProcessOutbound(
  composed: Composed,
  options: {
    deps?: SchedulerDeps;
    kinds?: OutboundCardKind[];
    connector?: TeamsConnector;
    env?: Record<string, string>;
  } = {},
) {
  const deps = options.deps ?? composed.deps;
  const config = loadConfig({
    DRYPP_MODE: 'test',
    DRYPP_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    ...options.env,
  });
  const outbound = composeOutbound({
    config,
    storage: composed.storage,
    clock: deps.clock,
    conversations: deps.conversations,
    reachability: deps.reachability,
    connector: options.connector ?? new BotTeamsConnector(createBotAdapter({ appType: 'MultiTenant' }), ''),
    log: createLogger('silent'),
    workerId: 'test-worker',
  });
  const job = outbound.consumer([dripCardKind(deps, renderDueCard(deps.catalog)), ...(options.kinds ?? [])]);
  return {
    ...outbound,
    job,
    /** One consumer round: handles every message visible now; answers the outcomes of this round. */
    async drain(): Promise<Record<string, number>> {
      const before = { ...job.outcomes };
      await job.runOnce();
      return Object.fromEntries(
        Object.entries(job.outcomes)
          .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
          .filter(([, v]) => v > 0),
      );
    },
    /**
     * Consumer rounds until `done()` (messages put back to wait, for pacing or a retry, come back
     * after their delay); throws with `what` after the deadline.
     */
    async drainUntil(what: string, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await job.runOnce();
        if (await done()) return;
        if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
}
