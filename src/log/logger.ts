import { pino, type Logger } from 'pino';
import { safeError } from './safeError.ts';

export type { Logger };

/**
 * Structured JSON logs. Only ids go into logs (tenant, user object id, correlation id): names,
 * e-mail addresses, message text and tokens are redacted if they ever reach a log call, and errors
 * keep only their name, message, status and code (SDK errors carry request headers and bodies).
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'drypp' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: safeError, error: safeError },
      redact: {
        paths: [
          '*.text',
          '*.name',
          '*.displayName',
          '*.mail',
          '*.userPrincipalName',
          '*.authorization',
          '*.token',
          '*.password',
          'req.headers.authorization',
          'activity.text',
          'activity.from.name',
        ],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? process.stdout,
  );
}
