/**
 * The tab API's wire contract for broadcasts: guidelines HR sends to many people, and My team's
 * view of who has not acknowledged them. Types only, as the rest of the contract (../contract.ts,
 * which re-exports these, so the front end imports one place).
 */

import type { TabAction } from '../roles/contract.ts';

// ---------------------------------------------------------------------------------------------
// Broadcasts: guidelines HR sends to many people, who acknowledge them (routes owned by the
// "broadcasts" work: src/http/tabs/broadcastRoutes.ts; bodies validated by broadcastSchemas.ts).
// Every /admin route is for HR admins (the `Drypp.Admin` app role) only: 403 `forbidden` for anyone
// else. Bodies are at most 16 kB, except POST /admin/audience and POST /admin/broadcasts (1 MB, for a
// pasted or uploaded list of addresses).
// ---------------------------------------------------------------------------------------------

/** The languages a guideline may be written in. */
export type BroadcastLanguage = 'en' | 'nb' | 'sv';

/** One language's text of a guideline. */
export interface GuidelineVariantBody {
  /** 1–120 characters, one line. */
  title: string;
  /**
   * 1–8,000 characters of Markdown as Adaptive Cards render it: paragraphs (blank line between),
   * `**bold**`, `_italic_`, `- ` and `1. ` lists, `[text](https://…)` links; a line starting with `#`
   * becomes a bold line.
   */
  body: string;
}

/** What HR writes: the guideline's content and how it is to be answered. */
export interface GuidelineDraftBody {
  /** At least one language; people get their own language's variant, else `defaultLanguage`'s. */
  variants: Partial<Record<BroadcastLanguage, GuidelineVariantBody>>;
  /** Must be one of the variants given. */
  defaultLanguage: BroadcastLanguage;
  /** An https URL (at most 2,000 characters), shown as a button on the card. */
  link?: string;
  /** The card asks "I have read and understood"; acknowledgements are counted. */
  requiresAcknowledgement: boolean;
  /** YYYY-MM-DD: by when people should acknowledge (shown on the card). */
  dueDate?: string;
}

/**
 * Who gets it: the people an expression matches, plus a list of addresses (the union of both; at
 * least one of the two). Disabled accounts, removed accounts and guests never match.
 *
 * Expression syntax (the same as `drypp broadcast send --audience`):
 *   everyone
 *   department:"Helse og omsorg"     (also dept:)  case-insensitive, exact
 *   jobTitle:Sykepleier              (also title:) case-insensitive, exact
 *   org:adele@drypp-kommune.example  a manager and everyone below them, at any depth (UPN, e-mail or object id)
 *   user:alex@drypp-kommune.example  one person
 *   combined with `or`, `and`, `not` and parentheses: `department:IT and not jobTitle:Konsulent`
 * Values with spaces go in double quotes (`\"` inside quotes is a quote).
 */
export interface AudienceBody {
  /** At most 2,000 characters. */
  expression?: string;
  /**
   * Addresses (UPN or e-mail) separated by commas, semicolons, spaces or line breaks: pasted, or the
   * text of an uploaded .txt/.csv file (a CSV's cells are read one by one; cells that are not
   * addresses, such as a header, are skipped). At most 50,000 addresses.
   */
  addresses?: string;
}

/**
 * POST /api/tab/admin/audience (AudienceBody) → 200 AudienceResolutionResponse: the live count.
 * 400 `invalid` for an expression that does not parse: one issue with path `expression` and a
 * message naming the column, e.g. `column 12: expected a value after "department:"`.
 */
export interface AudienceResolutionResponse {
  /** People who would get the guideline. */
  count: number;
  /** Addresses (from the list or `user:`/`org:` terms) that match nobody Drypp knows, as written; at most 500. */
  unmatchedAddresses: string[];
  /** How many there are in all (may exceed the list above). */
  unmatchedAddressCount: number;
  /** `department:`/`jobTitle:` terms that match nobody, with the known values closest to them. */
  unmatchedTerms: Array<{ term: string; suggestions: string[] }>;
  /** The audience per department, largest first (at most 50; people without one under ""). */
  byDepartment: Array<{ department: string; count: number }>;
}

/** GET /api/tab/admin/audience/facets → 200: the values the pickers offer, with how many people have each. */
export interface AudienceFacetsResponse {
  departments: Array<{ value: string; count: number }>;
  jobTitles: Array<{ value: string; count: number }>;
  /** Everyone who has reports: for "a manager's whole organisation". */
  managers: Array<{ id: string; displayName: string; address: string; directReports: number }>;
  /** Everyone Drypp can address (enabled members). */
  everyone: number;
}

/** POST /api/tab/admin/broadcasts/preview (GuidelineDraftBody) → 200 BroadcastPreviewResponse; 400 `invalid`. */
export interface BroadcastPreviewResponse {
  /**
   * The real Adaptive Card (1.5) that people get, per language given, exactly as the bot sends it;
   * render it with the `adaptivecards` package. Its buttons do nothing outside Teams.
   */
  cards: Array<{ language: BroadcastLanguage; card: Record<string, unknown> }>;
}

export type BroadcastStatusView = 'draft' | 'scheduled' | 'sending' | 'sent' | 'recalled';

/** What the caller may do with a broadcast (decided by the server). */
export type BroadcastAction =
  /** A draft or scheduled one: send it now or at a time. */
  | 'send'
  /** Sent (or sending): a new version, updated in place in every chat. */
  | 'correct'
  /** Scheduled, sending or sent: delete it from every chat (a scheduled one is never sent). */
  | 'recall'
  | 'export'
  /** Requires acknowledgement and not recalled: change the reminder settings. */
  | 'setReminders'
  | 'viewRates';

/** Reminders to those who have not acknowledged: after `afterDays` days, at most `maxReminders`. */
export interface ReminderSettingsBody {
  /** 1–30 days after the send (and after each reminder). */
  afterDays: number;
  /** 0 (no reminders) to 10. */
  maxReminders: number;
}

/**
 * POST /api/tab/admin/broadcasts → 201 BroadcastDetailResponse.
 * Without `send`, a draft is saved. `send: {}` sends now; `send: { at }` schedules it (at least a
 * minute ahead, at most a year). 400 `invalid` for a bad draft or audience; 409 `conflict` with
 * `audience` (an AudienceResolutionResponse) when addresses match nobody and `skipUnmatched` is not
 * true, or when the audience is empty.
 */
export interface BroadcastCreateBody {
  draft: GuidelineDraftBody;
  audience: AudienceBody;
  reminders?: ReminderSettingsBody;
  send?: { at?: string };
  /** Send to those who matched and leave out the addresses that match nobody. */
  skipUnmatched?: boolean;
}

/** POST /api/tab/admin/broadcasts/:id/send ({ at? }) → 200 BroadcastDetailResponse; 409 unless a draft or scheduled. */
export interface BroadcastSendBody {
  at?: string;
}

/**
 * POST /api/tab/admin/broadcasts/:id/corrections → 200 BroadcastDetailResponse: a new version,
 * updated in place in every chat it reached. When acknowledgement is required, everyone is asked to
 * acknowledge the new version (the card says what changed). 409 unless sending or sent.
 */
export interface BroadcastCorrectionBody {
  draft: GuidelineDraftBody;
  /** What changed, 1–500 characters: shown on the updated card. */
  changeNote: string;
}

/** POST /api/tab/admin/broadcasts/:id/recall (no body) → 200 BroadcastDetailResponse; 409 when recalled or a draft. */

/**
 * Why a card was not delivered, or not sent: the same codes as the server's
 * (src/domain/delivery/outbound.ts DELIVERY_REASONS); the tab words them in the reader's language.
 */
export type DeliveryReasonView =
  | 'botBlocked'
  | 'appDisabled'
  | 'forbidden'
  | 'notFound'
  | 'notInstalled'
  | 'notReachable'
  | 'tooManyAttempts'
  | 'teamsRefused'
  | 'unreadable'
  | 'unknownKind'
  | 'answered'
  | 'acknowledged'
  | 'notLive'
  | 'noManager'
  | 'nothingToSend'
  | 'requestGone'
  | 'certificationRemoved'
  | 'noRecord'
  | 'doneMeanwhile'
  | 'broadcastGone'
  | 'recalled'
  | 'notARecipient'
  | 'other';

/** Live progress of one broadcast (every figure counts people). */
export interface BroadcastProgressView {
  recipients: number;
  /** Waiting for their turn (or for Teams to reach them). */
  queued: number;
  /** Delivered to their chat. */
  sent: number;
  /** Could not be delivered (reasons below); not retried. */
  failed: number;
  /** Acknowledged the current version (0 when acknowledgement is not required). */
  acknowledged: number;
  /** Failures grouped by reason (a code the tab words), most frequent first. */
  failures: Array<{ reason: DeliveryReasonView; count: number }>;
  /** Removed from chats by a recall so far. */
  recalled: number;
}

export interface BroadcastSummaryView {
  id: string;
  /** In the caller's language when the guideline has it, else its default language. */
  title: string;
  status: BroadcastStatusView;
  /** 1, then 2 after the first correction, … */
  version: number;
  requiresAcknowledgement: boolean;
  dueDate?: string;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  scheduledFor?: string;
  sentAt?: string;
  recalledAt?: string;
  /** The audience as it was chosen. */
  audience: { expression?: string; addressCount: number };
  progress: BroadcastProgressView;
  actions: BroadcastAction[];
}

export interface BroadcastVersionView {
  version: number;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  /** Absent for version 1. */
  changeNote?: string;
}

export interface BroadcastDetailView extends BroadcastSummaryView {
  /** The current version's content. */
  draft: GuidelineDraftBody;
  versions: BroadcastVersionView[];
  reminders: ReminderSettingsBody;
  /** Reminders sent so far, in all. */
  remindersSent: number;
}

/** GET /api/tab/admin/broadcasts → 200: newest first (at most 100). */
export interface BroadcastListResponse {
  broadcasts: BroadcastSummaryView[];
  actions: TabAction[];
}

/** GET /api/tab/admin/broadcasts/:id → 200; 404 `notFound` for an id that is not one of this tenant's. */
export interface BroadcastDetailResponse {
  broadcast: BroadcastDetailView;
}

/** Acknowledgement of the current version among one group of recipients. */
export interface AcknowledgementRateView {
  /** Department name, or the manager's object id. */
  key: string;
  /** Department name, or the manager's display name ("" for people without one). */
  label: string;
  recipients: number;
  acknowledged: number;
  /** acknowledged / recipients, 0..1. */
  rate: number;
}

/** GET /api/tab/admin/broadcasts/:id/rates → 200: by department and by direct manager, lowest rate first. */
export interface AcknowledgementRatesResponse {
  version: number;
  byDepartment: AcknowledgementRateView[];
  byManager: AcknowledgementRateView[];
}

/**
 * GET /api/tab/admin/broadcasts/:id/export.csv → 200 `text/csv; charset=utf-8` with a
 * Content-Disposition file name: one row per recipient with the columns
 * `address, name, department, job title, manager, language, delivery, failure, sent at,
 * acknowledged version, acknowledged at, reminders`. A cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, so no spreadsheet runs it as a formula.
 */

// ---------------------------------------------------------------------------------------------
// My team: guidelines the caller's people have not acknowledged (managers)
// ---------------------------------------------------------------------------------------------

/**
 * GET /api/tab/my-team/acknowledgements → 200 TeamAcknowledgementsResponse (403 for non-managers):
 * every guideline that requires acknowledgement, is not recalled, and reached one of the caller's
 * people (direct or indirect), newest first, with those who have not acknowledged its current version.
 */
export interface TeamAcknowledgementsResponse {
  guidelines: TeamGuidelineView[];
  actions: TabAction[];
}

export interface TeamGuidelineView {
  broadcastId: string;
  title: string;
  version: number;
  dueDate?: string;
  sentAt?: string;
  /** Of the caller's people who got it. */
  recipients: number;
  acknowledged: number;
  notAcknowledged: Array<{
    personId: string;
    displayName: string;
    /** When the card reached them; absent while it has not. */
    deliveredAt?: string;
    remindersSent: number;
    /** `nudgeAcknowledgement` when the caller may send them a reminder of this guideline now. */
    actions: TeamAcknowledgementAction[];
  }>;
}

export type TeamAcknowledgementAction = 'nudgeAcknowledgement';

/**
 * POST /api/tab/my-team/acknowledgements/:broadcastId/people/:id/nudge (no body) → 202 NudgeResponse:
 * a reminder card of the guideline from the manager; at most one per person and guideline per day
 * (429 `tooMany` with retryAt); 403 when not one of the caller's people; 409 when acknowledged already.
 */
