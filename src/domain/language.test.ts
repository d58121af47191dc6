import { describe, expect, it } from 'vitest';
import { languageFromLocale } from './language.ts';

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
