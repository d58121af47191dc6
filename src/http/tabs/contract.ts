/**
 * The tab API's wire contract: what the tab front end (tabs/) and the server agree on. Types only, no
 * imports, so tabs/ can import this file without pulling in anything of the server.
 *
 * Every call carries `Authorization: Bearer <Teams SSO token>` (from `authentication.getAuthToken()`)
 * and may carry `Accept-Language` (the Teams locale): titles from content come back in that language
 * when the program has it, else the person's own language, else English.
 * Dates are ISO 8601 strings in UTC (`2026-12-01T08:00:00.000Z`); calendar days are `YYYY-MM-DD`.
 * Every answer carries `actions`: what the caller may do, decided by the server's access policies,
 * so the front end never guesses what to show.
 */

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Codes, not text: the front end translates them. */
export type TabErrorCode = 'unauthorized' | 'forbidden' | 'notFound' | 'invalid' | 'conflict' | 'tooMany';

/** HTTP status per code: 401, 403, 404, 400, 409, 429. */
export interface TabErrorBody {
  error: {
    code: TabErrorCode;
    /** English, for developers and logs; never shown as is, never names a person. */
    message: string;
    /**
     * For `invalid`: which fields, e.g. `{ path: 'minutes', message: 'at most 480' }`. A learning-time
     * request's problems also carry their `problem` code, which the tab words as the chat's form does.
     */
    issues?: Array<{ path: string; message: string; problem?: LearningTimeProblem }>;
    /** For `tooMany` (a nudge within a week): when it is allowed again. */
    retryAt?: string;
  };
}

/** Why a learning-time request was refused, field by field (the same checks as the chat's form). */
export type LearningTimeProblem =
  | 'dateMissing'
  | 'dateInvalid'
  | 'dateInPast'
  | 'dateTooFar'
  | 'minutesInvalid'
  | 'minutesOutOfRange'
  | 'purposeMissing'
  | 'purposeTooLong'
  | 'programNotYours';

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

// ---------------------------------------------------------------------------------------------
// GET /api/tab/me
// ---------------------------------------------------------------------------------------------

export interface MeResponse {
  user: { id: string; displayName: string; locale?: string };
  tenantId: string;
  roles: TabRole[];
  actions: TabAction[];
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

export type EnrollmentStatusView = 'active' | 'completed' | 'withdrawn' | 'expired';
export type StepKindView =
  'lesson' | 'quiz' | 'reflection' | 'acknowledge' | 'event' | 'checkin' | 'self-assessment' | 'practical';
export type ReachabilityStageView =
  'detected' | 'appInstalled' | 'chatKnown' | 'firstCardDelivered' | 'notReachable';

/** One step of a program that is not done yet and falls due soon or is past due. */
export interface StepItemView {
  programId: string;
  stepId: string;
  title: string;
  kind: StepKindView;
  minutes: number;
  dueAt: string;
  /** A voluntary step inside a mandatory program. */
  optional: boolean;
}

export interface ProgramProgressView {
  programId: string;
  title: string;
  mandatory: boolean;
  status: EnrollmentStatusView;
  completedSteps: number;
  totalSteps: number;
  enrolledAt: string;
  completedAt?: string;
  nextDueAt?: string;
  lastActiveAt?: string;
  /** Not done, due within the next 7 days. */
  due: StepItemView[];
  /** Not done, past due (more than one day late). Empty for completed or withdrawn programs. */
  overdue: StepItemView[];
}

/** `cancelled`: the learner took it back before anyone decided. */
export type LearningTimeRequestStatus = 'pending' | 'approved' | 'denied' | 'cancelled';

export interface LearningTimeRequestView {
  id: string;
  requester: { id: string; displayName: string };
  /** The day the time is for, YYYY-MM-DD. */
  date: string;
  minutes: number;
  /** What for: a program, or a line of free text (one of the two). */
  programId?: string;
  programTitle?: string;
  purpose?: string;
  status: LearningTimeRequestStatus;
  requestedAt: string;
  decidedAt?: string;
  decidedBy?: { id: string; displayName: string };
  comment?: string;
  /** After approval: whether the block is in the learner's calendar yet. */
  calendar?: 'booking' | 'booked' | 'failed';
  /** `decideRequest` when the caller is the requester's manager and the request is pending. */
  actions: TabAction[];
}

// ---------------------------------------------------------------------------------------------
// GET /api/tab/my-learning
// ---------------------------------------------------------------------------------------------

/**
 * Where a requirement of a learning path stands: `required` (not started), `due`, `overdue`, `done`
 * (completed, or a valid certificate), `expiring` (valid, renewal window open), `expired` (lapsed).
 */
export type RequirementStatusView = 'required' | 'due' | 'overdue' | 'done' | 'expiring' | 'expired';

export interface PathRequirementView {
  kind: 'program' | 'certification';
  id: string;
  title: string;
  status: RequirementStatusView;
  /** due, overdue: when (an instant for a program's next step, a day for a certification). */
  dueAt?: string;
  /** done, expiring, expired certificates: the last valid day (YYYY-MM-DD). */
  validUntil?: string;
}

/** A learning path of the caller's role (content/paths): what it requires and where each stands. */
export interface RolePathView {
  id: string;
  title: string;
  requirements: PathRequirementView[];
}

export interface MyLearningResponse {
  /** Active first, then completed, expired, withdrawn; mandatory before voluntary. */
  programs: ProgramProgressView[];
  /** The paths of the caller's role (job title, department), in content order; often empty. */
  paths: RolePathView[];
  /** The caller's own requests, newest first (at most 50). */
  learningTimeRequests: LearningTimeRequestView[];
  /**
   * Today in the caller's own time zone (YYYY-MM-DD), as the server checks a learning-time request:
   * the form's first day. Not the browser's date, which differs around midnight and when travelling.
   */
  today: string;
  actions: TabAction[];
}

// ---------------------------------------------------------------------------------------------
// GET /api/tab/my-team
// ---------------------------------------------------------------------------------------------

export type NeedsYouReason = 'overdueMandatory' | 'inactive14d' | 'quizFailedTwice' | 'pendingRequest';

/** One reason to look at one person; a person may appear once per reason. */
export interface NeedsYouItem {
  personId: string;
  displayName: string;
  reason: NeedsYouReason;
  /** overdueMandatory, quizFailedTwice: the program and step concerned. */
  programId?: string;
  programTitle?: string;
  stepId?: string;
  stepTitle?: string;
  /** overdueMandatory: how many items; */
  count?: number;
  /** overdueMandatory: the oldest due date; inactive14d: last activity; pendingRequest: requested at. */
  since?: string;
  /** pendingRequest: the request to decide. */
  requestId?: string;
}

export interface TeamMemberProgramView {
  programId: string;
  title: string;
  mandatory: boolean;
  status: EnrollmentStatusView;
  completedSteps: number;
  totalSteps: number;
  overdueCount: number;
  nextDueAt?: string;
}

export interface TeamMemberView {
  id: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
  /** 1 for a direct report, 2 for a report's report, … */
  depth: number;
  /** Their manager (for depth ≥ 2: one of the caller's reports). */
  managerId?: string;
  programs: TeamMemberProgramView[];
  overdueMandatoryCount: number;
  lastActivityAt?: string;
  /** Where a new hire is on the way to their first card; absent for people Drypp reached long ago. */
  reachability?: ReachabilityStageView;
  /** viewPerson, nudge, recognize (as the policies allow). */
  actions: TabAction[];
}

/** Monday-based weeks in UTC, oldest first, the last 12 weeks including the current one. */
export interface WeeklyActivityPoint {
  /** The Monday, YYYY-MM-DD. */
  weekStart: string;
  /** Steps done by the team in that week. */
  stepsDone: number;
  /** People of the team who did at least one step that week. */
  activePeople: number;
}

export interface MyTeamResponse {
  /** Most urgent first: pendingRequest, overdueMandatory, quizFailedTwice, inactive14d. */
  needsYou: NeedsYouItem[];
  /** Direct reports first, then by depth, then by name. */
  people: TeamMemberView[];
  weeklyActivity: WeeklyActivityPoint[];
  /** Pending requests of the caller's reports (direct and indirect), oldest first. */
  pendingRequests: LearningTimeRequestView[];
  actions: TabAction[];
}

// ---------------------------------------------------------------------------------------------
// GET /api/tab/my-team/people/:id
// ---------------------------------------------------------------------------------------------

export interface PersonStepView extends StepItemView {
  status: 'scheduled' | 'sent' | 'done';
  doneAt?: string;
  /** Quizzes: attempts and the last score (0..1). */
  attempts?: number;
  lastScore?: number;
}

export interface PersonProgramView extends TeamMemberProgramView {
  steps: PersonStepView[];
}

/** A manager's answer to a check-in card about this person. */
export interface CheckInAnswerView {
  programId: string;
  stepId: string;
  question: string;
  /** The chosen option's text. */
  answer: string;
  comment?: string;
  answeredAt: string;
}

/** A reflection the person chose to share with their manager (never one they kept to themselves). */
export interface SharedReflectionView {
  programId: string;
  stepId: string;
  prompt: string;
  text: string;
  answeredAt: string;
}

export interface MonthlyLearningMinutes {
  /** YYYY-MM */
  month: string;
  /** Minutes of learning time approved for days in that month. */
  approvedMinutes: number;
  /** Estimated minutes of the items done in that month (each step's `minutes`). */
  spentMinutes: number;
}

export interface PersonDetailResponse {
  person: {
    id: string;
    displayName: string;
    jobTitle?: string;
    department?: string;
    depth: number;
    lastActivityAt?: string;
    reachability?: ReachabilityStageView;
  };
  programs: PersonProgramView[];
  checkIns: CheckInAnswerView[];
  reflections: SharedReflectionView[];
  /** The last 6 months, oldest first. */
  learningMinutes: MonthlyLearningMinutes[];
  learningTimeRequests: LearningTimeRequestView[];
  /** On this person: viewPerson, nudge, recognize. */
  actions: TabAction[];
}

// ---------------------------------------------------------------------------------------------
// Writes (routes owned by the "requests" work; bodies validated by src/http/tabs/schemas.ts)
// ---------------------------------------------------------------------------------------------

/** POST /api/tab/learning-time-requests → 201 LearningTimeRequestResponse */
export interface LearningTimeRequestBody {
  /** YYYY-MM-DD, today or later. */
  date: string;
  /** 15 to 480. */
  minutes: number;
  /** Either a program the caller is enrolled in, or a purpose (1–200 characters). */
  programId?: string;
  purpose?: string;
}

/**
 * POST /api/tab/learning-time-requests/:id/decision → 200 LearningTimeRequestResponse.
 * 409 `conflict` when it was already decided: the body is a TabErrorBody with `request`, showing the
 * first decision. 403 `forbidden` for the requester themselves and for anyone not their manager.
 */
export interface LearningTimeDecisionBody {
  decision: 'approve' | 'deny';
  /** At most 500 characters. */
  comment?: string;
}

export interface LearningTimeRequestResponse {
  request: LearningTimeRequestView;
}

/** POST /api/tab/learning-time-requests/:id/cancel (no body) → 200 LearningTimeRequestResponse; 409 when decided. */
export type LearningTimeCancelResponse = LearningTimeRequestResponse;

/** POST /api/tab/my-team/people/:id/nudge (no body) → 202; 429 `tooMany` with retryAt within a week. */
export interface NudgeResponse {
  sentAt: string;
  /** When the next nudge to this person is allowed. */
  nextAllowedAt: string;
}

/**
 * POST /api/tab/my-team/people/:id/recognition → 202 RecognitionResponse. For what the person
 * completed: the program (and step) named, or else the latest thing they completed; 400 `invalid`
 * when they have completed nothing yet, 409 `conflict` when this thank-you was sent already.
 */
export interface RecognitionBody {
  /** One line, 1–280 characters: the manager's own or a suggestion's text. */
  text: string;
  programId?: string;
  stepId?: string;
}

export interface RecognitionResponse {
  sentAt: string;
}

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
