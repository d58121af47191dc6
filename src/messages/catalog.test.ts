import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../domain/platform/language.ts';
import { messagesFor } from './catalog.ts';

/**
 * Texts that are rightly the same as in English. Everything else in a catalogue must differ from the
 * English: an English text in the Swedish catalogue would satisfy the type and still be a bug.
 */
const sameInEveryLanguage = [
  'step.minutes', // "5 min"
  'step.acknowledge.version', // "Version 3"
  'help.commands.*.command', // nb lists the English words, which the bot understands too
];
const sameAsEnglishIn: Record<string, string[]> = {
  nb: ['managers.checkin.send'], // "Send" is Norwegian too
  sv: [],
};

/** Every text of a catalogue by its dotted path; a text built by a function is built with sample values. */
function texts(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (v: unknown, p: string) => {
    if (typeof v === 'string') found.set(p, v);
    else if (typeof v === 'function') {
      // Sample values of every type a message takes; the same ones for every language.
      const fn = v as (...args: unknown[]) => unknown;
      found.set(
        p,
        String(fn(...Array.from({ length: Math.max(fn.length, 1) }, (_, i) => (i === 0 ? 2 : 3)))),
      );
    } else if (Array.isArray(v)) v.forEach((item, i) => visit(item, `${p}.${i}`));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) visit(child, p ? `${p}.${k}` : k);
    }
  };
  visit(value, path);
  return found;
}

const generic = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '.*');

const english = texts(messagesFor('en'));

/** Paths whose text is the English one, apart from those that are rightly the same. */
function untranslated(catalogue: unknown, language: string): string[] {
  const translated = texts(catalogue);
  const allowed = new Set([...sameInEveryLanguage, ...(sameAsEnglishIn[language] ?? [])]);
  return [...english]
    .filter(([path, text]) => translated.get(path) === text && !allowed.has(generic(path)))
    .map(([path]) => path);
}

describe('message catalogues', () => {
  it.each(supportedLanguages.filter((l) => l !== 'en'))(
    '%s has its own text for every English one',
    (language) => {
      const catalogue = messagesFor(language);
      expect([...texts(catalogue).keys()].map(generic).sort()).toEqual(
        [...english.keys()].map(generic).sort(),
      );
      expect(untranslated(catalogue, language)).toEqual([]);
    },
  );

  it('the check can fail: an English text left in the Swedish catalogue is caught', () => {
    const sv = messagesFor('sv');
    const copy = { ...sv, welcome: { ...sv.welcome, title: messagesFor('en').welcome.title } };
    expect(untranslated(copy, 'sv')).toEqual(['welcome.title']);
  });
});
