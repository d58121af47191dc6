import { describe, expect, it } from 'vitest';
import { languageFromLocale, personLanguage } from './language.ts';

describe('languageFromLocale', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['en-US', 'en'],
    ['sv-SE', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe('personLanguage', () => {
  it('prefers the directory language over the Teams locale', () => {
    expect(personLanguage('nb-NO', 'en-US')).toBe('nb');
    expect(personLanguage(undefined, 'nb-NO')).toBe('nb');
    expect(personLanguage(undefined, undefined)).toBe('en');
  });
});
