import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { NudgeResponse, TabErrorBody, TabErrorCode } from './contract.ts';

/**
 * The small pieces every tab route uses: who is calling (set by the SSO middleware), answering with
 * an error code, and parsing a body or a path parameter against its schema.
 */

/** The person behind a validated SSO token. Only the token's claims: nothing the client could forge. */
export interface TabCaller {
  tenantId: string;
  userId: string;
  displayName: string;
  /** App roles assigned in Entra (the token's `roles` claim), e.g. `Drypp.Admin`. */
  appRoles: string[];
  /** The token's `groups` claim; undefined when it carries none (not asked for, or an overage). */
  groups?: string[];
  /** The Accept-Language the tab sent (the Teams locale), when any. */
  locale?: string;
}

const statusOf: Record<TabErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  invalid: 400,
  conflict: 409,
  tooMany: 429,
};

export function sendTabError(
  res: Response,
  code: TabErrorCode,
  message: string,
  extra: Omit<TabErrorBody['error'], 'code' | 'message'> = {},
): void {
  const body: TabErrorBody = { error: { code, message, ...extra } };
  res.status(statusOf[code]).json(body);
}

/** The caller, as the SSO middleware left it. A route mounted without the middleware is a bug. */
export function tabCaller(res: Response): TabCaller {
  const caller = res.locals.tabCaller as TabCaller | undefined;
  if (!caller) throw new Error('tab route mounted without the SSO middleware');
  return caller;
}

/** Parses with the schema, or answers 400 `invalid` with every problem and returns undefined. */
export function parseOr400<S extends z.ZodType>(
  res: Response,
  schema: S,
  input: unknown,
): z.output<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  sendTabError(res, 'invalid', 'the request is not valid', {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  });
  return undefined;
}

/** The body of a JSON request (express.json leaves undefined when there was none). */
export function bodyOf(req: Request): unknown {
  return req.body ?? {};
}

/** 202 for a nudge the server sent: when, and when the next one to the same person is allowed. */
export function sendNudgeSent(res: Response, outcome: { sentAt: Date; nextAllowedAt: Date }): void {
  const body: NudgeResponse = {
    sentAt: outcome.sentAt.toISOString(),
    nextAllowedAt: outcome.nextAllowedAt.toISOString(),
  };
  res.status(202).json(body);
}
