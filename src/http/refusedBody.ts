import { TOO_MANY_VALUES } from './boundedJson.ts';

/**
 * Express's body parser reports a body it will not read as an error with a status and a `type`
 * (https://github.com/expressjs/body-parser#errors). Those are the caller's mistakes and get a 4xx
 * with a plain message; anything else is ours.
 */
export interface RefusedBody {
  status: 400 | 413 | 415;
  reason: string;
  message: string;
}

export function refusedBody(error: unknown): RefusedBody | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  switch (type) {
    case 'entity.too.large':
      return { status: 413, reason: type, message: 'the body is too large' };
    case TOO_MANY_VALUES:
      return { status: 413, reason: type, message: 'the body holds too many values' };
    case 'entity.parse.failed':
      return { status: 400, reason: type, message: 'the body is not valid JSON' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, reason: type, message: 'the body encoding is not supported' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'parameters.too.many':
      return { status: 400, reason: type, message: 'the body could not be read' };
  }
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string') {
    return { status: 400, reason: type.slice(0, 40), message: 'the body could not be read' };
  }
  return undefined;
}
