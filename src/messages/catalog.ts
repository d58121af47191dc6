import type { Language } from '../domain/platform/language.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { sv } from './sv.ts';

/** Every piece of Drypp's own text for people, by language. Program text lives in content/. */
export type Messages = typeof en;

const catalogs: Record<Language, Messages> = { en, nb, sv };

export function messagesFor(language: Language): Messages {
  return catalogs[language];
}
