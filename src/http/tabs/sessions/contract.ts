/**
 * The tab API's wire contract for live sessions' attendance: types only, no imports, so tabs/ can
 * import this file as it does src/http/tabs/contract.ts.
 */

/** A participant's booking as the roster shows it (cancelled ones are not listed). */
export type AttendanceStatusView = 'booked' | 'attended' | 'absent';

export interface RosterPersonView {
  learnerId: string;
  displayName: string;
  status: AttendanceStatusView;
  /** `markAttendance` once the session has begun, for whoever the server allows to mark this person. */
  actions: Array<'markAttendance'>;
}

export interface SessionRosterView {
  programId: string;
  stepId: string;
  sessionId: string;
  /** The event step's and the program's titles, in the caller's language. */
  title: string;
  programTitle: string;
  /** When the session begins, as an instant (ISO 8601, UTC). */
  startsAt: string;
  /** The place in the caller's language, or absent for an online session (`online`). */
  where?: string;
  online: boolean;
  /** Attendance can be marked once the session has begun. */
  started: boolean;
  people: RosterPersonView[];
}

/**
 * GET /api/tab/sessions → 200 SessionRostersResponse: the sessions the caller instructs (with everyone
 * booked) and the sessions their own people (any level below them) booked, with those people only.
 * Anyone else gets an empty list: a roster is never a way to learn who booked what.
 */
export interface SessionRostersResponse {
  sessions: SessionRosterView[];
}

/**
 * POST /api/tab/sessions/attendance with MarkAttendanceBody → 200 MarkAttendanceResponse. Who may
 * mark is decided on the server (the session's instructor named in content, or the person's manager
 * in the directory; never the person): 403 `forbidden` for anyone else, 404 `notFound` for a session
 * no longer in the content. Expected refusals are outcomes: `notStarted` (the session has not begun),
 * `notBooked` (the person no longer has a place there), `alreadyAttended` (attended is not undone).
 */
export interface MarkAttendanceBody {
  programId: string;
  stepId: string;
  sessionId: string;
  learnerId: string;
  attended: boolean;
}

export interface MarkAttendanceResponse {
  outcome: 'marked' | 'notStarted' | 'notBooked' | 'alreadyAttended';
  /** The person's row as stored now. */
  person?: RosterPersonView;
}
