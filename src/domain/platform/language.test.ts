import { describe, expect, it } from 'vitest';
import { languageFromLocale, personLanguage } from './language.ts';

describe('languageFromLocale', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['NB_no', 'nb'],
    ['sv-SE', 'sv'],
    ['sv-FI', 'sv'],
    ['sv', 'sv'],
    ['SV-se', 'sv'],
    ['en-US', 'en'],
    ['da-DK', 'en'],
    ['fi-FI', 'en'],
    ['se-NO', 'en'], // Northern Sami, not Swedish
    ['nbx', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe('personLanguage', () => {
  it('prefers the directory language over the Teams locale', () => {
    expect(personLanguage('nb-NO', 'en-US')).toBe('nb');
    expect(personLanguage('sv-SE', 'nb-NO')).toBe('sv');
    expect(personLanguage('en-US', 'sv-SE')).toBe('en');
    expect(personLanguage(undefined, 'sv-FI')).toBe('sv');
    expect(personLanguage(undefined, 'nb-NO')).toBe('nb');
    expect(personLanguage(undefined, undefined)).toBe('en');
  });
});
