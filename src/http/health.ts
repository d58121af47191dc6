import type { Request, Response } from 'express';
import type { HealthProbe } from '../usecases/platform/ports.ts';

/** GET /healthz: 200 when every dependency answers, 503 naming the one that does not. */
export function healthRoute(probes: HealthProbe[]) {
  return async (_req: Request, res: Response) => {
    const results = await Promise.all(probes.map(async (p) => [p.name, await p.check()] as const));
    const ok = results.every(([, r]) => r.ok);
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
  };
}
