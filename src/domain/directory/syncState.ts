/** Where a tenant's directory sync stands: its delta link, and a round in progress. */
export interface SyncState {
  tenantId: string;
  deltaLink?: string;
  /** A nextLink of a round in progress, so a crash resumes instead of starting over. */
  resumeLink?: string;
  initialSyncDone: boolean;
  lastRoundAt?: string;
  etag?: string;
}
