import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log/logger.ts';

declare module 'express-serve-static-core' {
  interface Request {
    correlationId: string;
    log: Logger;
  }
}

/** Gives every request a correlation id (the caller's, when it sent a sane one) and a child logger. */
export function correlation(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-correlation-id');
    req.correlationId = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    req.log = log.child({ correlationId: req.correlationId });
    res.setHeader('x-correlation-id', req.correlationId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Path only: query strings can carry tokens (the Graph validation handshake does).
      req.log.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) },
        'request',
      );
    });
    next();
  };
}
