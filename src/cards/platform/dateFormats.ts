import type { Language } from '../../domain/platform/language.ts';
import { messagesFor } from '../../messages/catalog.ts';

/**
 * Date formatters, built once: building an Intl.DateTimeFormat costs a fraction of a millisecond,
 * as much as the rest of a card answer's own work. Locales, time zones and option sets are few, so
 * the cache stays small.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** "27 November" / "27. november" / "27 november" in the person's zone. */
export function dayMonthFormat(language: Language, timeZone = 'UTC'): Intl.DateTimeFormat {
  return dateFormat(messagesFor(language).step.dateLocale, { day: 'numeric', month: 'long', timeZone });
}
