import { performance } from 'node:perf_hooks';
import { createBotAdapter } from '../../src/teams/botAdapter.ts';
import { BotTeamsConnector } from '../../src/teams/teamsConnector.ts';
import { chatOf } from '../../test/support/outboundFixtures.ts';

/**
 * The floor of a broadcast card's send on Drypp's fixed stack, for `npm run bench -- broadcast` to
 * measure in the same run as the pipeline: the production connector (botbuilder's CloudAdapter
 * continuing the conversation, one card per call) into the same connector simulator, `SENDS` calls
 * with `CONCURRENCY` in flight, and nothing else: no storage, no queue, no rate. Run two of these
 * as the pipeline runs two workers, and their sends a second are what botbuilder and the simulator
 * alone allow on this machine.
 *
 * `node --import tsx bench/support/connectorFloor.ts` with SIM_URL, TENANT, SENDS and CONCURRENCY
 * set; prints one JSON line `{"sent":…,"failed":…,"ms":…}` and exits.
 */
const simUrl = process.env.SIM_URL!;
const tenantId = process.env.TENANT!;
const sends = Number(process.env.SENDS);
const concurrency = Number(process.env.CONCURRENCY ?? '32');
const prefix = process.env.PREFIX ?? 'f0';

const connector = new BotTeamsConnector(createBotAdapter({ appType: 'MultiTenant' }), '');
let next = 0;
let sent = 0;
let failed = 0;
const started = performance.now();
const lane = async () => {
  while (next < sends) {
    const i = next++;
    const userId = `${prefix}${String(i).padStart(6, '0')}-0000-4000-8000-000000000000`;
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `New guideline: hand hygiene, version 3 (${i + 1})`, wrap: true }],
    };
    const answer = await connector.send(chatOf(tenantId, userId, simUrl), card);
    if (answer.ok) sent++;
    else failed++;
  }
};
await Promise.all(Array.from({ length: concurrency }, lane));
process.stdout.write(`${JSON.stringify({ sent, failed, ms: Math.round(performance.now() - started) })}\n`);
