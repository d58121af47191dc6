/** The tab API's roles and actions: part of the wire contract (../contract.ts re-exports it). Types only. */

// ---------------------------------------------------------------------------------------------
// Roles and actions
// ---------------------------------------------------------------------------------------------

/** learner: everyone; manager: has at least one report; hrAdmin: the `Drypp.Admin` app role. */
export type TabRole = 'learner' | 'manager' | 'hrAdmin';

/**
 * Actions the caller may take. Top-level answers carry the caller's own; a person, a request or a
 * team member carries those the caller may take on it.
 */
export type TabAction =
  | 'viewMyLearning'
  | 'requestLearningTime'
  | 'viewMyTeam'
  | 'viewAdmin'
  /** On a team member: open the drill-down. */
  | 'viewPerson'
  /** On a team member: send a friendly reminder card (at most one per person per week). */
  | 'nudge'
  /** On a team member: send a short thank-you card. */
  | 'recognize'
  /** On a pending learning-time request of one of the caller's reports: approve or deny. */
  | 'decideRequest'
  /** On the caller's own pending learning-time request: take it back. */
  | 'cancelRequest';
