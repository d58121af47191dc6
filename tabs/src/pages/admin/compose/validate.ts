import type { BroadcastLanguage } from '../../../../../src/http/tabs/contract.ts';
import {
  BODY_MAX,
  CHANGE_NOTE_MAX,
  LANGUAGES,
  LINK_MAX,
  TITLE_MAX,
  audienceBody,
  writtenLanguages,
  type ComposeForm,
  type GuidelineForm,
} from './draft.ts';

/**
 * The compose form's checks before anything goes to the server, as codes per field (the form words
 * them). The server checks again and may refuse more; `fieldOfIssue` maps its paths onto the same
 * fields, so both kinds of problem show next to the field concerned.
 */
export type Problem =
  | 'required'
  | 'tooLong'
  | 'oneLine'
  | 'notHttps'
  | 'dateInPast'
  | 'outOfRange'
  | 'noneWritten'
  | 'defaultNotWritten'
  | 'audienceEmpty'
  | 'scheduleMissing'
  | 'scheduleInPast'
  /** The server refused it (its message is for developers; the form says so in the admin's words). */
  | 'refused';

export type FieldKey =
  | `variants.${BroadcastLanguage}.title`
  | `variants.${BroadcastLanguage}.body`
  | 'variants'
  | 'defaultLanguage'
  | 'link'
  | 'dueDate'
  | 'remindAfterDays'
  | 'maxReminders'
  | 'audience'
  | 'scheduleAt'
  | 'changeNote';

export type Problems = Partial<Record<FieldKey, Problem>>;

export interface Today {
  /** YYYY-MM-DD in the admin's zone. */
  day: string;
  /** Epoch ms. */
  now: number;
}

function wholeIn(value: string, min: number, max: number): boolean {
  return /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
}

export function guidelineProblems(form: GuidelineForm, today: Today): Problems {
  const problems: Problems = {};
  const written = writtenLanguages(form);
  if (written.length === 0) problems.variants = 'noneWritten';
  for (const language of written) {
    const { title, body } = form.variants[language];
    if (!title.trim()) problems[`variants.${language}.title`] = 'required';
    else if (/[\r\n]/.test(title)) problems[`variants.${language}.title`] = 'oneLine';
    else if (title.trim().length > TITLE_MAX) problems[`variants.${language}.title`] = 'tooLong';
    if (!body.trim()) problems[`variants.${language}.body`] = 'required';
    else if (body.trim().length > BODY_MAX) problems[`variants.${language}.body`] = 'tooLong';
  }
  if (written.length > 0 && !written.includes(form.defaultLanguage))
    problems.defaultLanguage = 'defaultNotWritten';
  const link = form.link.trim();
  if (link) {
    if (link.length > LINK_MAX) problems.link = 'tooLong';
    else if (!isHttpsUrl(link)) problems.link = 'notHttps';
  }
  if (form.dueDate && form.dueDate < today.day) problems.dueDate = 'dateInPast';
  if (form.requiresAcknowledgement) {
    if (!wholeIn(form.remindAfterDays, 1, 30)) problems.remindAfterDays = 'outOfRange';
    if (!wholeIn(form.maxReminders, 0, 10)) problems.maxReminders = 'outOfRange';
  }
  return problems;
}

export function composeProblems(form: ComposeForm, today: Today, sending: boolean): Problems {
  const problems = guidelineProblems(form.guideline, today);
  if (!audienceBody(form.audience)) problems.audience = 'audienceEmpty';
  if (sending && form.when === 'schedule') {
    const at = Date.parse(form.scheduleAt);
    if (!form.scheduleAt || Number.isNaN(at)) problems.scheduleAt = 'scheduleMissing';
    // The server wants at least a minute ahead; a form that sits open for a while gets a clear word.
    else if (at < today.now + 60_000) problems.scheduleAt = 'scheduleInPast';
  }
  return problems;
}

export function changeNoteProblem(note: string): Problem | undefined {
  if (!note.trim()) return 'required';
  if (note.trim().length > CHANGE_NOTE_MAX) return 'tooLong';
  return undefined;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    // Not a URL at all: the same answer for the form as a non-https one.
    return false;
  }
}

const FIELDS = new Set<string>([
  ...LANGUAGES.flatMap((l) => [`variants.${l}.title`, `variants.${l}.body`]),
  'variants',
  'defaultLanguage',
  'link',
  'dueDate',
  'changeNote',
]);

/** A server issue's path (`draft.variants.nb.title`, `audience.expression`, `send.at`) to a form field. */
export function fieldOfIssue(path: string): FieldKey | undefined {
  const bare = path.replace(/^draft\./, '');
  if (FIELDS.has(bare)) return bare as FieldKey;
  if (bare.startsWith('variants.')) return 'variants';
  if (bare.startsWith('audience') || bare === 'expression' || bare === 'addresses') return 'audience';
  if (bare.startsWith('send')) return 'scheduleAt';
  if (bare === 'reminders.afterDays') return 'remindAfterDays';
  if (bare === 'reminders.maxReminders') return 'maxReminders';
  return undefined;
}

export function hasProblems(problems: Problems): boolean {
  return Object.keys(problems).length > 0;
}
