import type { Language } from '../../domain/platform/language.ts';
import { messagesFor } from '../../messages/catalog.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "27 November" / "27. november" / "27 november" in the person's zone. Formatters are costly to build, so they are kept. */
export function dayMonthFormat(language: Language, timeZone = 'UTC'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(messagesFor(language).step.dateLocale, {
      day: 'numeric',
      month: 'long',
      timeZone,
    });
    formats.set(key, format);
  }
  return format;
}
