/**
 * Fault knobs: shares of answers the connector gives instead of accepting a send, and added latency.
 * Shares are 0..1, drawn independently per request in this order: 403, 5xx, 429.
 */
export interface ConnectorFaults {
  /** Share of sends answered 429 with Retry-After, beyond the real limits. */
  throttled: number;
  /** Seconds in the Retry-After of an injected 429. */
  throttledRetryAfterS: number;
  /** Share answered with one of `serverErrorStatuses`. */
  serverErrors: number;
  serverErrorStatuses: number[];
  /** Share answered 403 with the reason below. */
  forbidden: number;
  forbiddenReason: ForbiddenReason;
  /** Conversations that always get 403 (the person blocked the bot), whatever the shares say. */
  blockedConversations: string[];
  /** Milliseconds added before every answer. */
  latencyMs: number;
}

export const noFaults: ConnectorFaults = {
  throttled: 0,
  throttledRetryAfterS: 1,
  serverErrors: 0,
  serverErrorStatuses: [502, 503, 504],
  forbidden: 0,
  forbiddenReason: 'botBlocked',
  blockedConversations: [],
  latencyMs: 0,
};

/**
 * The 403 answers Teams documents for a bot's conversational APIs (status codes from bot
 * conversational APIs): the person blocked the bot, or the tenant admin disabled the app.
 */
export const forbiddenBodies = {
  botBlocked: {
    error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
  },
  appDisabled: { error: { code: 'BotDisabledByAdmin', message: 'The tenant admin disabled this bot.' } },
} as const;
export type ForbiddenReason = keyof typeof forbiddenBodies;

export type FaultAnswer =
  | { kind: 'none' }
  | { kind: 'forbidden'; body: (typeof forbiddenBodies)[ForbiddenReason] }
  | { kind: 'serverError'; status: number }
  | { kind: 'throttled'; retryAfterS: number };

/** Which fault, if any, a send to this conversation gets; `random` is injectable for tests. */
export function drawFault(
  faults: ConnectorFaults,
  conversationId: string,
  random: () => number = Math.random,
): FaultAnswer {
  if (faults.blockedConversations.includes(conversationId))
    return { kind: 'forbidden', body: forbiddenBodies.botBlocked };
  if (random() < faults.forbidden)
    return { kind: 'forbidden', body: forbiddenBodies[faults.forbiddenReason] };
  if (random() < faults.serverErrors) {
    const statuses = faults.serverErrorStatuses;
    return { kind: 'serverError', status: statuses[Math.floor(random() * statuses.length)] ?? 503 };
  }
  if (random() < faults.throttled) return { kind: 'throttled', retryAfterS: faults.throttledRetryAfterS };
  return { kind: 'none' };
}

/** Checks knobs from a request body: shares in 0..1, known reasons; a message for people otherwise. */
export function parseFaults(input: unknown, current: ConnectorFaults): ConnectorFaults | string {
  if (typeof input !== 'object' || input === null) return 'send a JSON object of fault knobs';
  const next = { ...current, ...(input as Partial<ConnectorFaults>) };
  for (const share of ['throttled', 'serverErrors', 'forbidden'] as const) {
    const v = next[share];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return `${share} must be a share between 0 and 1`;
  }
  if (!(next.forbiddenReason in forbiddenBodies)) return 'forbiddenReason must be botBlocked or appDisabled';
  if (typeof next.latencyMs !== 'number' || next.latencyMs < 0) return 'latencyMs must be 0 or more';
  if (typeof next.throttledRetryAfterS !== 'number' || next.throttledRetryAfterS < 0)
    return 'throttledRetryAfterS must be 0 or more';
  if (!Array.isArray(next.blockedConversations)) return 'blockedConversations must be a list';
  if (
    !Array.isArray(next.serverErrorStatuses) ||
    next.serverErrorStatuses.some((s) => !(s >= 500 && s < 600))
  )
    return 'serverErrorStatuses must be a list of 5xx statuses';
  return next;
}
