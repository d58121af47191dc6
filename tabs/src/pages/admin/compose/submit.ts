import type { AudienceResolutionResponse, TabErrorBody } from '../../../../../src/http/tabs/contract.ts';
import { fieldOfIssue, type Problems, type Today } from './validate.ts';

/** Why a send (or a correction) did not go through, as the form shows it. */
export type SubmitFailure =
  /** Fields are marked. */
  | { kind: 'invalid' }
  /** Refused for a reason no field shows. */
  | { kind: 'refused' }
  | { kind: 'forbidden' }
  /** Some addresses match nobody (or no one at all matches): HR decides whether to go on without them. */
  | { kind: 'unmatched'; audience: AudienceResolutionResponse; send: boolean }
  | { kind: 'failed'; retry: () => void; correlationId?: string };

/** The server's refusals, next to the fields they concern (its own words are for developers). */
export function serverProblems(issues: TabErrorBody['error']['issues']): Problems {
  const problems: Problems = {};
  for (const issue of issues ?? []) {
    const field = fieldOfIssue(issue.path);
    if (field) problems[field] = 'refused';
  }
  return problems;
}

/** Today and now where the admin is (the browser's zone): due dates and schedules are theirs. */
export function todayHere(): Today {
  // sv-SE formats a date as YYYY-MM-DD.
  return { day: new Date().toLocaleDateString('sv-SE'), now: Date.now() };
}
