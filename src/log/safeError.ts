/**
 * What of an error may reach a log line. Errors from the Azure, MSAL, Graph and botbuilder SDKs
 * carry the request they failed on (headers with bearer tokens, bodies with names and e-mail
 * addresses), so pino's default serializer, which copies every own property, would leak them.
 * Kept: the name, the message (cut short), an HTTP status and an error code, from the error and
 * from its cause. Nothing else, and no stack: the correlation id finds the request.
 */
export interface SafeError {
  /** The error's name (`type`, as pino's own serializer calls it: `*.name` is redacted as a person's name). */
  type: string;
  message: string;
  status?: number;
  statusCode?: number;
  code?: string | number;
  cause?: SafeError;
}

const MAX_MESSAGE = 300;

export function safeError(value: unknown, depth = 0): SafeError {
  if (typeof value !== 'object' || value === null) {
    return { type: typeof value, message: clip(String(value)) };
  }
  const e = value as Record<string, unknown>;
  const out: SafeError = {
    type: typeof e.name === 'string' ? clip(e.name, 80) : (value.constructor?.name ?? 'Error'),
    message: typeof e.message === 'string' ? clip(e.message) : '',
  };
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (typeof e.code === 'number' || typeof e.code === 'string') out.code = clip(String(e.code), 80);
  if (e.cause !== undefined && depth < 2) out.cause = safeError(e.cause, depth + 1);
  return out;
}

// Message text of SDK errors sometimes quotes a response body; a long one is cut so that at most
// a short fragment of it is kept, never a whole payload.
// Anything shaped like a token or an e-mail address is masked first.
function clip(text: string, max = MAX_MESSAGE): string {
  const oneLine = text
    .replace(/\s+/g, ' ')
    .replace(/\b(bearer|basic)\s+[^\s,;"']+/gi, '$1 [redacted]')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[e-mail]');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
