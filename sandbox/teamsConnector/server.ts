import http from 'node:http';
import express, { type Request, type Response } from 'express';
import { ConnectorCounters } from './counters.ts';
import { drawFault, noFaults, parseFaults, type ConnectorFaults } from './faults.ts';
import { TeamsLimits } from './limits.ts';

/**
 * A Teams Bot Connector for scale and fault tests: the four calls Drypp makes through botbuilder
 * (create a conversation, send, update and delete an activity), Teams' documented rate limits with
 * 429 and Retry-After, fault knobs, and counters. See README.md beside this file.
 */
export interface ReceivedActivity {
  tenantId: string;
  conversationId: string;
  activityId: string;
  at: string;
  activity: Record<string, unknown>;
}

export interface Refusal {
  conversationId: string;
  at: number;
  status: number;
  retryAfterS?: number;
}

export interface ConnectorSimulatorOptions {
  /** Milliseconds since some epoch; injectable so limit tests need not wait. */
  now?: () => number;
  random?: () => number;
  /** How many received activities the page keeps (counters count all). */
  keep?: number;
}

export function createConnectorSimulator(options: ConnectorSimulatorOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const keep = options.keep ?? 500;
  const state = {
    limits: new TeamsLimits(),
    faults: { ...noFaults } as ConnectorFaults,
    counters: new ConnectorCounters(),
    received: [] as ReceivedActivity[],
    /** The tenant of each conversation created here, for sends that do not name it. */
    tenantOf: new Map<string, string>(),
    activities: new Map<string, Record<string, unknown>>(),
    nextId: 1,
    /** Every call answered with an error, in order (tests check what happened next to that conversation). */
    refusals: [] as Refusal[],
    /** Calls received and not answered yet (waiting out `latencyMs`): sends in flight. */
    inFlight: 0,
    /** When each conversation first got a send accepted (benchmarks: enqueue-to-delivery times). */
    firstSentAt: new Map<string, number>(),
  };

  const tenantFor = (conversationId: string, body: Record<string, unknown> | undefined): string => {
    const conversation = body?.conversation as { tenantId?: string } | undefined;
    const channelData = body?.channelData as { tenant?: { id?: string } } | undefined;
    return (
      conversation?.tenantId ??
      channelData?.tenant?.id ??
      (body?.tenantId as string | undefined) ??
      state.tenantOf.get(conversationId) ??
      'unknown-tenant'
    );
  };

  /** Limits and faults, in Teams' order: the instant the limits admitted the request, or false. */
  const admit = async (req: Request, res: Response, conversationId: string, tenantId: string) => {
    if (state.faults.latencyMs > 0) {
      state.inFlight++;
      await new Promise((r) => setTimeout(r, state.faults.latencyMs));
      state.inFlight--;
    }
    const ok = await decide(res, conversationId, tenantId);
    if (!ok) {
      state.refusals.push({
        conversationId,
        at: now(),
        status: res.statusCode,
        retryAfterS: Number(res.get('Retry-After')) || undefined,
      });
      if (state.refusals.length > 100_000) state.refusals.shift();
    }
    return ok;
  };

  const decide = async (res: Response, conversationId: string, tenantId: string) => {
    const at = now();
    const limit = state.limits.admit(tenantId, conversationId, at);
    if (!limit.ok) {
      state.counters.refused[limit.limit === 'tenant' ? 'tenantLimit' : 'conversationLimit']++;
      res
        .status(429)
        .set('Retry-After', String(limit.retryAfterS))
        .json(errorBody('Throttled', 'Too many requests.'));
      return false;
    }
    const fault = drawFault(state.faults, conversationId, options.random);
    if (fault.kind === 'none') return at;
    if (fault.kind === 'forbidden') {
      state.counters.refused.forbidden++;
      res.status(403).json(fault.body);
    } else if (fault.kind === 'serverError') {
      state.counters.refused.serverErrors++;
      res.status(fault.status).json(errorBody('ServiceError', 'The service is unavailable.'));
    } else {
      state.counters.refused.injected429++;
      res
        .status(429)
        .set('Retry-After', String(fault.retryAfterS))
        .json(errorBody('Throttled', 'Too many requests.'));
    }
    return false;
  };

  const app = express();
  app.use(express.json({ limit: '1mb' }));

  // Create a conversation: Teams answers with the one personal chat the bot has with that person.
  app.post('/v3/conversations', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const member = (body.members as Array<{ id?: string }> | undefined)?.[0]?.id;
    if (!member) return void res.status(400).json(errorBody('BadArgument', 'members must name one person.'));
    const tenantId = tenantFor('', body);
    const conversationId = `a:${tenantId}:${member}`;
    if (!(await admit(req, res, conversationId, tenantId))) return;
    state.tenantOf.set(conversationId, tenantId);
    state.counters.created++;
    res.status(201).json({ id: conversationId });
  });

  app.post('/v3/conversations/:conversationId/activities{/:replyTo}', async (req, res) => {
    const conversationId = req.params.conversationId;
    const tenantId = tenantFor(conversationId, req.body);
    // The instant the limits admitted it: the counters measure the rate on what the limits saw (a
    // clock read after the handler's awaits could put a send into the next millisecond's window).
    const admittedAt = await admit(req, res, conversationId, tenantId);
    if (admittedAt === false) return;
    const activityId = `activity-${state.nextId++}`;
    state.activities.set(`${conversationId}|${activityId}`, req.body);
    state.counters.recordSend(tenantId, conversationId, req.body, admittedAt);
    if (!state.firstSentAt.has(conversationId)) state.firstSentAt.set(conversationId, admittedAt);
    state.received.push({
      tenantId,
      conversationId,
      activityId,
      at: new Date(now()).toISOString(),
      activity: req.body,
    });
    if (state.received.length > keep) state.received.shift();
    res.status(201).json({ id: activityId });
  });

  app.put('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const { conversationId, activityId } = req.params;
    const key = `${conversationId}|${activityId}`;
    if (!state.activities.has(key))
      return void res.status(404).json(errorBody('NotFound', 'Activity not found.'));
    if (!(await admit(req, res, conversationId, tenantFor(conversationId, req.body)))) return;
    state.activities.set(key, req.body);
    state.counters.updates++;
    res.status(200).json({ id: activityId });
  });

  app.delete('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const { conversationId, activityId } = req.params;
    const key = `${conversationId}|${activityId}`;
    if (!state.activities.has(key))
      return void res.status(404).json(errorBody('NotFound', 'Activity not found.'));
    if (!(await admit(req, res, conversationId, tenantFor(conversationId, undefined)))) return;
    state.activities.delete(key);
    state.counters.deletes++;
    res.status(200).end();
  });

  // Controls for tests, benchmarks and people (npm start prints this server's address).
  app.get('/_sim/counters', (_req, res) => res.json(state.counters.snapshot()));
  app.get('/_sim/faults', (_req, res) => res.json(state.faults));
  app.post('/_sim/faults', (req, res) => {
    const next = parseFaults(req.body, state.faults);
    if (typeof next === 'string') return void res.status(400).json({ error: next });
    state.faults = next;
    res.json(state.faults);
  });
  app.post('/_sim/limits', (req, res) => {
    state.limits.lifted = (req.body as { lifted?: unknown })?.lifted === true;
    res.json({ lifted: state.limits.lifted });
  });
  app.post('/_sim/reset', (_req, res) => {
    state.limits = new TeamsLimits();
    state.counters = new ConnectorCounters();
    state.faults = { ...noFaults };
    state.received.length = 0;
    state.refusals.length = 0;
    state.firstSentAt.clear();
    res.json({ reset: true });
  });
  // The sandbox's "other people's chats": what the bot sent to people without a Playground window.
  app.get('/', (_req, res) =>
    res.json(
      state.received.map((r) => ({
        conversationId: r.conversationId,
        at: r.at,
        text: JSON.stringify(
          (r.activity.attachments as Array<{ content?: unknown }> | undefined)?.[0]?.content ??
            r.activity.text ??
            '',
        ).slice(0, 300),
      })),
    ),
  );

  return { app, state };
}

/** Starts the simulator on 127.0.0.1 (port 0: a free one); its URL ends in '/' like a serviceUrl. */
export async function startConnectorSimulator(options: ConnectorSimulatorOptions & { port?: number } = {}) {
  const simulator = createConnectorSimulator(options);
  const server = http.createServer(simulator.app);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    state: simulator.state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
