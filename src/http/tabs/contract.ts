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

// Roles and actions: in ./roles/contract.ts (the broadcasts' contract needs them too).
export * from './roles/contract.ts';
import type { TabAction, TabRole } from './roles/contract.ts';

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
  /**
   * Parts "recognised by test": the learner passed the part's placement quiz, so its steps count as
   * done (in completedSteps) without their cards. `stepsRecognised` of completedSteps are such steps.
   */
  recognisedParts: Array<{ id: string; title: string; status: 'recognised' }>;
  stepsRecognised: number;
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

// Broadcasts' part of the contract lives beside their routes; re-exported so tabs/ imports one file.
export * from './broadcasts/contract.ts';
