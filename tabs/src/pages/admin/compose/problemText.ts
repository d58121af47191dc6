import type { Messages } from '../../../messages/index.ts';
import { BODY_MAX, CHANGE_NOTE_MAX, LINK_MAX, TITLE_MAX } from './draft.ts';
import type { FieldKey, Problem } from './validate.ts';

/** A field's problem in the admin's words: what is wrong and what to do about it. */
export function problemText(t: Messages, field: FieldKey, problem: Problem): string {
  if (problem === 'refused') return t.problemRefused;
  if (field.endsWith('.title'))
    return problem === 'tooLong'
      ? t.problemTitleTooLong(TITLE_MAX)
      : problem === 'oneLine'
        ? t.problemTitleOneLine
        : t.problemTitleRequired;
  if (field.endsWith('.body'))
    return problem === 'tooLong' ? t.problemBodyTooLong(BODY_MAX) : t.problemBodyRequired;
  switch (field) {
    case 'variants':
      return t.problemNoneWritten;
    case 'defaultLanguage':
      return t.problemDefaultNotWritten;
    case 'link':
      return problem === 'tooLong' ? t.problemLinkTooLong(LINK_MAX) : t.problemLinkNotHttps;
    case 'dueDate':
      return t.problemDueDateInPast;
    case 'remindAfterDays':
      return t.problemRemindAfter;
    case 'maxReminders':
      return t.problemMaxReminders;
    case 'audience':
      return t.problemAudienceEmpty;
    case 'scheduleAt':
      return problem === 'scheduleInPast' ? t.problemScheduleInPast : t.problemScheduleMissing;
    case 'changeNote':
      return problem === 'tooLong'
        ? t.problemChangeNoteTooLong(CHANGE_NOTE_MAX)
        : t.problemChangeNoteRequired;
  }
  return t.problemRefused;
}
