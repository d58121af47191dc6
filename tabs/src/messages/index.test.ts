import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { languageOf, messagesFor } from './index.ts';

describe('the tab speaks the Teams locale', () => {
  it.each([
    ['nb-no', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['sv-SE', 'sv'],
    ['sv-fi', 'sv'],
    ['en-us', 'en'],
    ['de-de', 'en'],
    [undefined, 'en'],
  ] as const)('%s gets %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });

  it('has every English text in Norwegian and Swedish, translated', () => {
    for (const language of ['nb', 'sv'] as const) {
      const t = messagesFor(language);
      expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort());
      expect(t.tabMyLearning).not.toBe(en.tabMyLearning);
      expect(t.stepsDone(3, 10)).toMatch(/3.*10/);
    }
  });

  it('words every delivery failure reason the server sends, in every language (never the code)', () => {
    for (const language of ['en', 'nb', 'sv'] as const) {
      const t = messagesFor(language);
      for (const [code, text] of Object.entries(t.failureReasons)) {
        expect(text, `${language} ${code}`).toMatch(/\S/);
        expect(text, `${language} ${code}`).not.toBe(code);
      }
    }
    expect(messagesFor('nb').failureReasons.botBlocked).not.toBe(en.failureReasons.botBlocked);
  });
});
