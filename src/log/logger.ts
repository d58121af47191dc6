import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Only ids go into logs (tenant, user object id, correlation id): names,
 * e-mail addresses, message text and tokens are redacted if they ever reach a log call.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'drypp' },
      timestamp: pino.stdTimeFunctions.isoTime,
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
