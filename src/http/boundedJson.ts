import express, { type RequestHandler } from 'express';

/**
 * A JSON body parser that refuses, before parsing, a body with more values than any genuine caller
 * sends. The byte limit alone is not enough: a 1 MB body of 300,000 empty objects takes JSON.parse
 * tens of milliseconds of the one event loop, and every other request (health checks, people's
 * answers) waits behind it. Counting the body's structural characters is one pass over its bytes,
 * about a millisecond for a megabyte, so an unauthenticated flood costs the server almost nothing.
 */
export function boundedJson(options: { limit: string; maxValues: number }): RequestHandler {
  return express.json({
    limit: options.limit,
    verify: (_req, _res, body) => {
      if (jsonValuesExceed(body, options.maxValues)) throw tooManyValues();
    },
  });
}

/** The kind body-parser carries through to the error handler (see refusedBody.ts). */
export const TOO_MANY_VALUES = 'entity.values.too.many';

function tooManyValues(): Error {
  // body-parser passes an error thrown by `verify` on with our status and type, and the raw body
  // attached as `body`: the error handler logs neither the body nor the message.
  return Object.assign(new Error('the body holds too many values'), { status: 413, type: TOO_MANY_VALUES });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const COMMA = 0x2c;

/**
 * True when the body has more than `max` values, counted as the objects, arrays and commas outside
 * strings (every value but the first of a container follows a comma). Stops as soon as it knows.
 */
export function jsonValuesExceed(body: Uint8Array, max: number): boolean {
  let count = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY || byte === COMMA) {
      if (++count > max) return true;
    }
  }
  return false;
}
