export type ReachabilityStage =
  'detected' | 'appInstalled' | 'chatKnown' | 'firstCardDelivered' | 'notReachable';

/** Where a new hire is on the way to their first card. */
export interface Reachability {
  tenantId: string;
  userId: string;
  stage: ReachabilityStage;
  detectedAt: string;
  appInstalledAt?: string;
  chatKnownAt?: string;
  firstCardAt?: string;
  attempts: number;
  nextAttemptAt?: string;
  lastProblem?: string;
  etag?: string;
}
