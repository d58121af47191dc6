// The Effect view's part of the tab API (GET /api/tab/admin/effect and friends). Types only: the tab
// front end imports this file, and nothing else of the server's.

/** A figure about `people` people, or hidden because fewer than five are behind it (nor is their number shown). */
export type FigureView<T> = { shown: true; people: number; value: T } | { shown: false };

export interface EffectGroupFiguresView {
  enrolled: number;
  completed: number;
  completionPercent: number | null;
  onTime: FigureView<{ percent: number | null; stepsDone: number }>;
  /** Oldest first; weekStart is a Monday, ISO. */
  weeklyActive: Array<{ weekStart: string; activePercent: number | null }>;
  quiz: FigureView<{ firstAttemptPercent: number | null; finalPercent: number | null }>;
  /** Means on the 1–5 scale; change is after − before over those who answered both. */
  selfAssessment: FigureView<{ before: number | null; after: number | null; change: number | null }>;
}

export interface EffectGroupView {
  /** A department's name, or a manager's; null for "no department" or a manager no longer in the directory. */
  name: string | null;
  figures: FigureView<EffectGroupFiguresView>;
}

export interface EffectProgramView {
  programId: string;
  title: string;
  overall: FigureView<EffectGroupFiguresView>;
  departments: EffectGroupView[];
  managers: EffectGroupView[];
  statements: Array<{
    statementId: string;
    text: string;
    before: FigureView<number | null>;
    after: FigureView<number | null>;
    change: FigureView<number | null>;
  }>;
  questions: Array<{
    stepId: string;
    stepTitle: string;
    questionId: string;
    prompt: string;
    answered: FigureView<{ firstAttemptRightPercent: number | null; finalRightPercent: number | null }>;
  }>;
  /** The pulse per item, for content authors: share finding it useful, and comments without names. */
  steps: Array<{
    stepId: string;
    title: string;
    pulse: FigureView<{
      usefulPercent: number | null;
      /** The newest 20 comments. */
      comments: string[];
      /** Every comment on the item; absent in figures computed before it was counted. */
      commentCount?: number;
    }>;
  }>;
  checkins: FigureView<{ asked: number; answered: number; answeredPercent: number | null }>;
  /** Learning-time requests that name this program, about the learners who asked. */
  learningTime: FigureView<EffectRequestFiguresView>;
}

export interface EffectRequestFiguresView {
  asked: number;
  /** Approved + denied. */
  decided: number;
  approved: number;
  denied: number;
  /** Median hours from asking to the decision; null when none was decided. */
  medianHoursToDecision: number | null;
}

/** What managers did, for a group of learners; each part needs five learners of its own. */
export interface EffectInvolvementFiguresView {
  requests: FigureView<EffectRequestFiguresView>;
  /** Nudges and thank-you cards managers sent. */
  cards: FigureView<{ nudges: number; recognitions: number }>;
  checkins: FigureView<{ asked: number; answered: number; answeredPercent: number | null }>;
}

export interface EffectInvolvementGroupView {
  /** As EffectGroupView's: null for "no department" or a manager no longer in the directory. */
  name: string | null;
  figures: FigureView<EffectInvolvementFiguresView>;
}

/** Manager involvement over every program (nudges name none), overall, per department and per manager. */
export interface EffectInvolvementView {
  overall: FigureView<EffectInvolvementFiguresView>;
  departments: EffectInvolvementGroupView[];
  managers: EffectInvolvementGroupView[];
}

export type EffectAction = 'export' | 'refresh';

export interface EffectResponse {
  /** When the figures were computed; absent before the first run. */
  at?: string;
  /** Groups smaller than this show no figures. */
  minGroupSize: number;
  programs: EffectProgramView[];
  /** Absent before the first run that counted it. */
  involvement?: EffectInvolvementView;
  actions: EffectAction[];
}
