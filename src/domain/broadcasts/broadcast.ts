// A broadcast: a guideline HR sends to many people, in their languages, that they may be asked to
// acknowledge. Corrections make new versions; a recall takes it out of every chat. Pure.
import { DateTime } from 'luxon';
import type { Language } from '../platform/language.ts';
import type { AudienceSpec } from './audience.ts';

export interface GuidelineVariant {
  title: string;
  /** Markdown as Adaptive Cards render it. */
  body: string;
}

export interface GuidelineContent {
  variants: Partial<Record<Language, GuidelineVariant>>;
  /** The variant people get whose language the guideline lacks. */
  defaultLanguage: Language;
  /** An https URL, shown as a button. */
  link?: string;
}

export interface BroadcastVersion {
  version: number;
  content: GuidelineContent;
  createdAt: string;
  createdBy: string;
  /** What changed since the version before (absent for version 1). */
  changeNote?: string;
}

export interface ReminderSettings {
  afterDays: number;
  /** 0: no reminders. */
  maxReminders: number;
}

/**
 * Stored states. `sending` covers the fan-out and the deliveries that follow it; a view shows
 * `sent` once the pipeline has nothing left to do for it (displayStatus).
 */
export type StoredBroadcastStatus = 'draft' | 'scheduled' | 'sending' | 'recalled';
export type BroadcastStatus = StoredBroadcastStatus | 'sent';

export interface Broadcast {
  tenantId: string;
  id: string;
  createdAt: string;
  createdBy: string;
  requiresAcknowledgement: boolean;
  /** YYYY-MM-DD. */
  dueDate?: string;
  audience: AudienceSpec;
  reminders: ReminderSettings;
  status: StoredBroadcastStatus;
  /** When it goes out (scheduled), or went out (the send began). */
  scheduledFor?: string;
  /** Set when every recipient is recorded and their card queued: the fan-out is done. */
  fannedOutAt?: string;
  recipientCount?: number;
  recalledAt?: string;
  /** The current version's number; `versions` holds every version, oldest first. */
  version: number;
  versions: BroadcastVersion[];
  /** Reminders sent so far (all recipients). */
  remindersSent: number;
}

export const GUIDELINE_LIMITS = {
  titleMax: 120,
  bodyMax: 8000,
  linkMax: 2000,
  changeNoteMax: 500,
  reminderDaysMax: 30,
  remindersMax: 10,
  /** A send may be scheduled up to a year ahead. */
  scheduleMaxDays: 366,
} as const;

export type GuidelineProblem =
  | { path: string; problem: 'missing' | 'tooLong' | 'notOneLine' | 'notHttps' | 'notADay' | 'noVariant' }
  | { path: 'defaultLanguage'; problem: 'notAVariant' };

// Control characters other than tab and line breaks; a title must not hold line breaks either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f]/;

/** Everything wrong with a guideline's content, all at once (empty: it is good). */
export function guidelineProblems(content: GuidelineContent, dueDate?: string): GuidelineProblem[] {
  const problems: GuidelineProblem[] = [];
  const languages = Object.keys(content.variants) as Language[];
  if (languages.length === 0) problems.push({ path: 'variants', problem: 'noVariant' });
  for (const language of languages) {
    const v = content.variants[language]!;
    const title = v.title.trim();
    if (title === '') problems.push({ path: `variants.${language}.title`, problem: 'missing' });
    else if ([...title].length > GUIDELINE_LIMITS.titleMax)
      problems.push({ path: `variants.${language}.title`, problem: 'tooLong' });
    else if (LINE_BREAK_OR_CONTROL.test(title))
      problems.push({ path: `variants.${language}.title`, problem: 'notOneLine' });
    if (v.body.trim() === '') problems.push({ path: `variants.${language}.body`, problem: 'missing' });
    else if ([...v.body].length > GUIDELINE_LIMITS.bodyMax)
      problems.push({ path: `variants.${language}.body`, problem: 'tooLong' });
    else if (CONTROL.test(v.body))
      problems.push({ path: `variants.${language}.body`, problem: 'notOneLine' });
  }
  if (languages.length > 0 && !content.variants[content.defaultLanguage])
    problems.push({ path: 'defaultLanguage', problem: 'notAVariant' });
  if (content.link !== undefined) {
    if (content.link.length > GUIDELINE_LIMITS.linkMax) problems.push({ path: 'link', problem: 'tooLong' });
    else if (!isHttpsUrl(content.link)) problems.push({ path: 'link', problem: 'notHttps' });
  }
  if (dueDate !== undefined && !isDay(dueDate)) problems.push({ path: 'dueDate', problem: 'notADay' });
  return problems;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false; // not a URL at all: the problem is reported, nothing is lost
  }
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Trims titles and bodies' trailing space, and keeps only the variants given. */
export function normalizedContent(content: GuidelineContent): GuidelineContent {
  const variants: GuidelineContent['variants'] = {};
  for (const [language, v] of Object.entries(content.variants) as Array<[Language, GuidelineVariant]>) {
    variants[language] = { title: v.title.trim(), body: v.body.replace(/\r\n?/g, '\n').trimEnd() };
  }
  return {
    variants,
    defaultLanguage: content.defaultLanguage,
    ...(content.link ? { link: content.link } : {}),
  };
}

/** The variant a person reads: their language when the guideline has it, else the default. */
export function variantFor(
  content: GuidelineContent,
  language: Language,
): { language: Language; variant: GuidelineVariant } {
  const own = content.variants[language];
  if (own) return { language, variant: own };
  return { language: content.defaultLanguage, variant: content.variants[content.defaultLanguage]! };
}

export function currentVersion(b: Broadcast): BroadcastVersion {
  return b.versions.find((v) => v.version === b.version) ?? b.versions[b.versions.length - 1]!;
}

export function newBroadcast(input: {
  tenantId: string;
  id: string;
  createdBy: string;
  now: Date;
  content: GuidelineContent;
  requiresAcknowledgement: boolean;
  dueDate?: string;
  audience: AudienceSpec;
  reminders?: ReminderSettings;
}): Broadcast {
  const at = input.now.toISOString();
  return {
    tenantId: input.tenantId,
    id: input.id,
    createdAt: at,
    createdBy: input.createdBy,
    requiresAcknowledgement: input.requiresAcknowledgement,
    dueDate: input.dueDate,
    audience: input.audience,
    reminders: input.reminders ?? { afterDays: 3, maxReminders: input.requiresAcknowledgement ? 2 : 0 },
    status: 'draft',
    version: 1,
    versions: [
      { version: 1, content: normalizedContent(input.content), createdAt: at, createdBy: input.createdBy },
    ],
    remindersSent: 0,
  };
}

export type SendDecision =
  { ok: true; broadcast: Broadcast } | { ok: false; problem: 'notADraft' | 'tooSoon' | 'tooFar' };

/**
 * A draft (or a scheduled one, sent now or moved) goes out now, or at `at`: at least a minute ahead
 * and at most a year. Sending now is a schedule for now: the fan-out job picks it up at once.
 */
export function scheduleSend(b: Broadcast, now: Date, at?: Date): SendDecision {
  if (b.status !== 'draft' && b.status !== 'scheduled') return { ok: false, problem: 'notADraft' };
  if (at && at.getTime() < now.getTime() + 60_000) return { ok: false, problem: 'tooSoon' };
  if (at && at.getTime() > now.getTime() + GUIDELINE_LIMITS.scheduleMaxDays * 86_400_000)
    return { ok: false, problem: 'tooFar' };
  return {
    ok: true,
    broadcast: {
      ...b,
      status: at ? 'scheduled' : 'sending',
      scheduledFor: (at ?? now).toISOString(),
    },
  };
}

/** A scheduled broadcast whose time has come is sent: the fan-out job's rule. */
export function isDueForFanOut(b: Broadcast, now: Date): boolean {
  if (b.fannedOutAt || !b.scheduledFor) return false;
  if (b.status !== 'scheduled' && b.status !== 'sending') return false;
  return Date.parse(b.scheduledFor) <= now.getTime();
}

export function startedSending(b: Broadcast): Broadcast {
  return b.status === 'scheduled' ? { ...b, status: 'sending' } : b;
}

export type CorrectionDecision =
  | { ok: true; broadcast: Broadcast }
  | { ok: false; problem: 'notSent' | 'changeNoteMissing' | 'changeNoteTooLong' | 'unchanged' };

/** A correction of a sent guideline: a new version that says what changed. */
export function correctBroadcast(
  b: Broadcast,
  content: GuidelineContent,
  changeNote: string,
  by: string,
  now: Date,
): CorrectionDecision {
  if (b.status !== 'sending') return { ok: false, problem: 'notSent' };
  const note = changeNote.replace(/\s+/g, ' ').trim();
  if (note === '') return { ok: false, problem: 'changeNoteMissing' };
  if ([...note].length > GUIDELINE_LIMITS.changeNoteMax) return { ok: false, problem: 'changeNoteTooLong' };
  const next = normalizedContent(content);
  if (JSON.stringify(next) === JSON.stringify(currentVersion(b).content))
    return { ok: false, problem: 'unchanged' };
  const version = b.version + 1;
  return {
    ok: true,
    broadcast: {
      ...b,
      version,
      versions: [
        ...b.versions,
        { version, content: next, createdAt: now.toISOString(), createdBy: by, changeNote: note },
      ],
    },
  };
}

export type RecallDecision = { ok: true; broadcast: Broadcast } | { ok: false; problem: 'notRecallable' };

/** Scheduled (never sent then), sending or sent: taken back everywhere. */
export function recallBroadcast(b: Broadcast, now: Date): RecallDecision {
  if (b.status === 'draft' || b.status === 'recalled') return { ok: false, problem: 'notRecallable' };
  return { ok: true, broadcast: { ...b, status: 'recalled', recalledAt: now.toISOString() } };
}

/** What people see as the state: `sent` once the pipeline has nothing left to do for it. */
export function displayStatus(
  b: Broadcast,
  pending: { queued: number; installing: number; sending: number } | undefined,
): BroadcastStatus {
  if (b.status !== 'sending') return b.status;
  if (!b.fannedOutAt || !pending) return 'sending';
  return pending.queued + pending.installing + pending.sending === 0 ? 'sent' : 'sending';
}

export function reminderProblems(r: ReminderSettings): Array<'afterDays' | 'maxReminders'> {
  const problems: Array<'afterDays' | 'maxReminders'> = [];
  if (!Number.isInteger(r.afterDays) || r.afterDays < 1 || r.afterDays > GUIDELINE_LIMITS.reminderDaysMax)
    problems.push('afterDays');
  if (
    !Number.isInteger(r.maxReminders) ||
    r.maxReminders < 0 ||
    r.maxReminders > GUIDELINE_LIMITS.remindersMax
  )
    problems.push('maxReminders');
  return problems;
}

/** The outbound pipeline's kind and keys of a broadcast's cards. */
export const BROADCAST_KIND = 'broadcast';
export function broadcastCardKey(broadcastId: string, userId: string): string {
  return `broadcast|${broadcastId}|${userId}`;
}
/** The n-th reminder (1-based) to one person: its own card, once. */
export function reminderCardKey(broadcastId: string, userId: string, n: number): string {
  return `broadcast-reminder|${broadcastId}|${userId}|${n}`;
}
/** A manager's nudge about one guideline: at most one per person and guideline per day. */
export function nudgeCardKey(broadcastId: string, userId: string, day: string): string {
  return `broadcast-nudge|${broadcastId}|${userId}|${day}`;
}

/** The calendar day of an instant in a time zone (a nudge is allowed once per such day). */
export function localDay(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(instant, { zone: 'UTC' })).toISODate()!;
}

/** The next midnight in the time zone: when the next nudge is allowed. */
export function nextLocalMidnight(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const at = local.isValid ? local : DateTime.fromJSDate(instant, { zone: 'UTC' });
  return at.startOf('day').plus({ days: 1 }).toJSDate();
}
