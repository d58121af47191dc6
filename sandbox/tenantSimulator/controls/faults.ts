import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { graphError } from '../http.ts';
import type { SimulatorState } from '../state/state.ts';

/** The fault knobs' schema for the control endpoint and the CLI (every knob optional). */
export const faultKnobsSchema = z
  .object({
    throttleShare: z.number().min(0).max(1),
    retryAfterSeconds: z.number().int().min(0).max(3600),
    serverErrorShare: z.number().min(0).max(1),
    latencyMs: z.number().int().min(0).max(60_000),
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400),
    teamsProvisioningSeconds: z.number().int().min(0).max(86_400),
    mailboxProvisioningSeconds: z.number().int().min(0).max(86_400),
    deltaChangedPropertiesOnly: z.boolean(),
    throttleNextCalls: z.number().int().min(0).max(1000),
  })
  .partial()
  .strict();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Added latency, for every Graph and token call. */
export function latency(state: SimulatorState) {
  return async (_req: Request, _res: Response, next: NextFunction) => {
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
    next();
  };
}

/**
 * A share of Graph calls answered 429 Too Many Requests, and a share 503 Service Unavailable, both
 * with `Retry-After` in seconds, as Graph throttles.
 */
export function throttling(state: SimulatorState, random: () => number) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const { throttleShare, serverErrorShare, retryAfterSeconds } = state.faults;
    const retryAfter = { 'Retry-After': String(retryAfterSeconds) };
    const throttleThisOne = state.faults.throttleNextCalls > 0;
    if (throttleThisOne) state.faults.throttleNextCalls--;
    if (throttleThisOne || (throttleShare > 0 && random() < throttleShare))
      return graphError(
        res,
        429,
        'TooManyRequests',
        'Too many requests. Retry after the time in Retry-After.',
        retryAfter,
      );
    if (serverErrorShare > 0 && random() < serverErrorShare)
      return graphError(
        res,
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable.',
        retryAfter,
      );
    next();
  };
}
