/** Time is injected everywhere (tests and the sandbox move it forward); nothing reads Date.now() directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
