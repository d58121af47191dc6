/**
 * The ETag an update is guarded by. The types already demand one (`Stored<T>`); this catches a row
 * that lost it on the way (a cast, a spread of a fresh object), which would otherwise overwrite a
 * concurrent change without a trace.
 */
export function requiredEtag(row: { etag?: string }, what: string): string {
  if (!row.etag) throw new Error(`${what}: an update needs the ETag of the row it read`);
  return row.etag;
}
