import type {
  AudienceBody,
  BroadcastCreateBody,
  BroadcastLanguage,
  GuidelineDraftBody,
  ReminderSettingsBody,
} from '../../../../../src/http/tabs/contract.ts';

/**
 * What HR has typed in the compose form, kept as typed (strings) so nothing is lost when a send
 * fails or the server refuses a field; `toDraftBody` and `toCreateBody` turn it into the API's
 * bodies. Pure: the form and the tests share it.
 */
export const LANGUAGES: readonly BroadcastLanguage[] = ['en', 'nb', 'sv'];

export interface VariantForm {
  title: string;
  body: string;
}

export type AudienceKind = 'everyone' | 'departments' | 'jobTitles' | 'organisation' | 'addresses';

export interface AudienceForm {
  kind: AudienceKind;
  departments: string[];
  jobTitles: string[];
  /** The manager's address (UPN), for `org:`. */
  manager: string;
  /** Pasted, or the text of an uploaded file. */
  addresses: string;
}

export interface GuidelineForm {
  variants: Record<BroadcastLanguage, VariantForm>;
  defaultLanguage: BroadcastLanguage;
  link: string;
  requiresAcknowledgement: boolean;
  /** YYYY-MM-DD or ''. */
  dueDate: string;
  remindAfterDays: string;
  maxReminders: string;
}

export interface ComposeForm {
  guideline: GuidelineForm;
  audience: AudienceForm;
  when: 'now' | 'schedule';
  /** `YYYY-MM-DDTHH:mm` in the admin's own time zone (an `<input type="datetime-local">`). */
  scheduleAt: string;
}

export const TITLE_MAX = 120;
export const BODY_MAX = 8000;
export const LINK_MAX = 2000;
export const CHANGE_NOTE_MAX = 500;

export function emptyGuideline(language: BroadcastLanguage): GuidelineForm {
  return {
    variants: { en: { title: '', body: '' }, nb: { title: '', body: '' }, sv: { title: '', body: '' } },
    defaultLanguage: language,
    link: '',
    requiresAcknowledgement: true,
    dueDate: '',
    remindAfterDays: '3',
    maxReminders: '2',
  };
}

export function emptyCompose(language: BroadcastLanguage): ComposeForm {
  return {
    guideline: emptyGuideline(language),
    audience: { kind: 'everyone', departments: [], jobTitles: [], manager: '', addresses: '' },
    when: 'now',
    scheduleAt: '',
  };
}

/** A sent guideline's content back into the form, for a correction. */
export function guidelineFormOf(draft: GuidelineDraftBody, reminders?: ReminderSettingsBody): GuidelineForm {
  const form = emptyGuideline(draft.defaultLanguage);
  for (const language of LANGUAGES) {
    const variant = draft.variants[language];
    if (variant) form.variants[language] = { title: variant.title, body: variant.body };
  }
  return {
    ...form,
    link: draft.link ?? '',
    requiresAcknowledgement: draft.requiresAcknowledgement,
    dueDate: draft.dueDate ?? '',
    remindAfterDays: String(reminders?.afterDays ?? form.remindAfterDays),
    maxReminders: String(reminders?.maxReminders ?? form.maxReminders),
  };
}

/** Languages with something written in them. */
export function writtenLanguages(form: GuidelineForm): BroadcastLanguage[] {
  return LANGUAGES.filter((l) => form.variants[l].title.trim() !== '' || form.variants[l].body.trim() !== '');
}

export function toDraftBody(form: GuidelineForm): GuidelineDraftBody {
  const variants: GuidelineDraftBody['variants'] = {};
  for (const language of writtenLanguages(form)) {
    const v = form.variants[language];
    variants[language] = { title: v.title.trim(), body: v.body.trim() };
  }
  return {
    variants,
    defaultLanguage: form.defaultLanguage,
    ...(form.link.trim() ? { link: form.link.trim() } : {}),
    requiresAcknowledgement: form.requiresAcknowledgement,
    ...(form.dueDate ? { dueDate: form.dueDate } : {}),
  };
}

/** `department:"Helse og omsorg"`: always quoted, a quote inside escaped, as the expression syntax says. */
function term(field: 'department' | 'jobTitle' | 'org', value: string): string {
  return `${field}:"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The picker's choice as the audience expression the CLI also takes (shown to HR, sent to the API). */
export function audienceExpression(audience: AudienceForm): string | undefined {
  switch (audience.kind) {
    case 'everyone':
      return 'everyone';
    case 'departments':
      return audience.departments.length
        ? audience.departments.map((d) => term('department', d)).join(' or ')
        : undefined;
    case 'jobTitles':
      return audience.jobTitles.length
        ? audience.jobTitles.map((j) => term('jobTitle', j)).join(' or ')
        : undefined;
    case 'organisation':
      return audience.manager ? term('org', audience.manager) : undefined;
    case 'addresses':
      return undefined;
  }
}

/** Nothing chosen yet: no count to ask for, nothing to send. */
export function audienceBody(audience: AudienceForm): AudienceBody | undefined {
  const expression = audienceExpression(audience);
  if (expression) return { expression };
  if (audience.kind === 'addresses' && audience.addresses.trim()) return { addresses: audience.addresses };
  return undefined;
}

export function toReminders(form: GuidelineForm): ReminderSettingsBody | undefined {
  if (!form.requiresAcknowledgement) return undefined;
  return { afterDays: Number(form.remindAfterDays), maxReminders: Number(form.maxReminders) };
}

export function toCreateBody(
  form: ComposeForm,
  options: { send: boolean; skipUnmatched?: boolean },
): BroadcastCreateBody | undefined {
  const audience = audienceBody(form.audience);
  if (!audience) return undefined;
  const reminders = toReminders(form.guideline);
  return {
    draft: toDraftBody(form.guideline),
    audience,
    ...(reminders ? { reminders } : {}),
    ...(options.send
      ? { send: form.when === 'schedule' ? { at: new Date(form.scheduleAt).toISOString() } : {} }
      : {}),
    ...(options.skipUnmatched ? { skipUnmatched: true } : {}),
  };
}
