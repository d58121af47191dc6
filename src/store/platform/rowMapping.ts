/** Table rows carry SDK fields (etag, timestamp, keys); these helpers keep them out of our types. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function stripRow<T>(row: Record<string, unknown>): T & { etag?: string } {
  const { partitionKey: _pk, rowKey: _rk, timestamp: _ts, 'odata.etag': _oe, etag, ...rest } = row;
  return { ...(rest as T), etag: etag as string | undefined };
}
