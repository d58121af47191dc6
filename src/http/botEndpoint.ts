import type { Request, Response } from 'express';
import type { Activity, ActivityHandler } from 'botbuilder';
import { z } from 'zod';
import type { DryppAdapter } from '../teams/botAdapter.ts';

/**
 * POST /api/messages: Bot Framework activities. Refused here, before botbuilder sees them: a request
 * without a token of the right shape (when an app id is configured) with 401, a body that is not an
 * activity with 400. A token that botbuilder finds wrongly signed, expired or for another bot is a
 * 401 as well; signing keys that cannot be fetched are a 503 (Teams retries). The body is never logged.
 */
export function botEndpoint(deps: { adapter: DryppAdapter; bot: ActivityHandler; botAuthRequired: boolean }) {
  return async (req: Request, res: Response) => {
    const authHeader = req.header('authorization') ?? '';
    if (deps.botAuthRequired && !looksLikeBotToken(authHeader)) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    const parsed = ActivityEnvelope.safeParse(req.body);
    if (!parsed.success) {
      req.log.warn({ problems: parsed.error.issues.length }, 'bot request refused: not an activity');
      res.status(400).json({ error: 'the body is not a Bot Framework activity' });
      return;
    }
    const outcome = await deps.adapter.handleActivity(authHeader, withDates(req.body), (turn) =>
      deps.bot.run(turn),
    );
    switch (outcome.kind) {
      case 'unauthorized':
        req.log.warn('bot request refused: token not valid');
        res.status(401).json({ error: 'unauthorized' });
        return;
      case 'keysUnavailable':
        req.log.error('bot request refused: the Bot Framework signing keys could not be fetched');
        res.status(503).json({ error: 'try again later' });
        return;
      case 'done':
        if (outcome.body === undefined) res.status(outcome.status).end();
        else sendJson(res, outcome.status, outcome.body);
    }
  };
}

/**
 * The answer to an activity (an invoke's card), as JSON. Not through res.json: that also hashes
 * every body into an ETag and checks it against the request's cache headers, which an answer to a
 * POST never needs, at a cost comparable to a card's own work on every answer.
 */
function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/json').end(JSON.stringify(body));
}

const id = z.string().max(1024);
const account = z.looseObject({ id: id.optional(), aadObjectId: id.optional() });

/** The fields botbuilder and our handlers read before anything else; the rest is checked where used. */
const ActivityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: id.optional(),
  channelId: id.optional(),
  serviceUrl: z.string().max(2048).optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  expiration: z.string().max(64).optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id: id.optional(), tenantId: id.optional() }).optional(),
  channelData: z.looseObject({}).optional(),
  locale: z.string().max(64).optional(),
  text: z.string().optional(),
  name: z.string().max(256).optional(),
  membersAdded: z.array(account).max(10_000).optional(),
  membersRemoved: z.array(account).max(10_000).optional(),
});

/** "Bearer" and three base64url parts whose first is a JSON header naming an RS algorithm and a key. */
function looksLikeBotToken(header: string): boolean {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header);
  if (!m || header.length > 16_384) return false;
  try {
    const jose = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as unknown;
    if (typeof jose !== 'object' || jose === null) return false;
    const { alg, kid } = jose as { alg?: unknown; kid?: unknown };
    return typeof alg === 'string' && /^RS(256|384|512)$/.test(alg) && typeof kid === 'string';
  } catch {
    return false; // not JSON: not a token
  }
}

/** What botbuilder's own `process` does to an activity before running it: ISO strings become dates. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = body as unknown as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value) as never;
    }
  }
  return activity;
}
