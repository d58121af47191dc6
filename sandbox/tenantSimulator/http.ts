import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { SimulatorState } from './state/state.ts';

/** The simulator's own address as the caller reached it (http or https, host and port). */
export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

/** Graph's error body: `{ error: { code, message, innerError } }`. */
export function graphError(
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const requestId = String(res.getHeader('request-id') ?? randomUUID());
  res
    .status(status)
    .set(headers)
    .json({
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': String(res.getHeader('client-request-id') ?? requestId),
        },
      },
    });
}

/** Entra ID's OAuth error body (`error`, `error_description` with the AADSTS code, `error_codes`). */
export function entraError(
  req: Request,
  res: Response,
  state: SimulatorState,
  status: number,
  error: string,
  aadsts: number,
  message: string,
): void {
  const traceId = randomUUID();
  const correlationId = req.get('client-request-id') ?? randomUUID();
  const timestamp = state
    .now()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  res.status(status).json({
    error,
    error_description: `AADSTS${aadsts}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${baseUrl(req)}/error?code=${aadsts}`,
  });
}

/** The Graph permissions (app roles) the caller's token carries. */
export interface GraphCaller {
  tenantId: string;
  appId: string;
  roles: string[];
}

export function caller(res: Response): GraphCaller {
  return res.locals.caller as GraphCaller;
}

/** Answers 403 unless the token carries one of `anyOf`; returns whether the call may go on. */
export function requireRole(
  res: Response,
  anyOf: readonly string[],
  code = 'Authorization_RequestDenied',
): boolean {
  if (caller(res).roles.some((r) => anyOf.includes(r))) return true;
  graphError(res, 403, code, 'Insufficient privileges to complete the operation.');
  return false;
}

export const roles = {
  readUsers: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readMembers: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All'],
  readMailboxSettings: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  installApps: [
    'TeamsAppInstallation.ReadWriteForUser.All',
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
  ],
} as const;

/** Graph's `Prefer: odata.maxpagesize=N`, bounded to 1..999; `fallback` when absent. */
export function maxPageSize(req: Request, fallback: number): number {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(req.get('prefer') ?? '');
  if (!match) return fallback;
  return Math.min(999, Math.max(1, Number(match[1])));
}

/** A query parameter whatever its case and `$` (Graph accepts `$select`, `select`, `$SELECT`). */
export function odata(req: Request, name: string): string | undefined {
  for (const [key, value] of Object.entries(req.query)) {
    if (key.replace(/^\$/, '').toLowerCase() === name.toLowerCase() && typeof value === 'string')
      return value;
  }
  return undefined;
}
