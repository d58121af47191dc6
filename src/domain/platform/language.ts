/** Languages Drypp writes its own text in. Content may add more per program. */
export const supportedLanguages = ['en', 'nb', 'sv'] as const;
export type Language = (typeof supportedLanguages)[number];

/**
 * Maps a Teams locale ("nb-NO", "nn-NO", "no", "sv-SE", "sv-FI", "en-GB") to a language we have text for.
 * Nynorsk and plain "no" readers get Bokmål rather than English: closer to what they asked for.
 * Swedish is Swedish wherever it is spoken (Sweden, Finland's Swedish-speaking municipalities).
 */
export function languageFromLocale(locale: string | undefined): Language {
  const tag = (locale ?? '').toLowerCase();
  const base = tag.split(/[-_]/)[0];
  if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
  if (base === 'sv') return 'sv';
  return 'en';
}

/**
 * The language to write to a person in: their directory `preferredLanguage` first (what they chose
 * for Microsoft 365), then the locale their Teams client reports.
 */
export function personLanguage(
  preferredLanguage: string | undefined,
  teamsLocale: string | undefined,
): Language {
  return languageFromLocale(preferredLanguage ?? teamsLocale);
}
