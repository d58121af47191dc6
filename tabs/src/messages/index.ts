import { en, type Messages } from './en.ts';
import { nb } from './nb.ts';
import { sv } from './sv.ts';

export type { Messages };
export type TabLanguage = 'en' | 'nb' | 'sv';

const catalogues: Record<TabLanguage, Messages> = { en, nb, sv };

/** The Teams locale (`nb-no`, `sv-SE`, `en-us`, …) to a catalogue: every Norwegian gets Bokmål. */
export function languageOf(locale: string | undefined): TabLanguage {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
  if (primary === 'sv') return 'sv';
  return 'en';
}

export function messagesFor(language: TabLanguage): Messages {
  return catalogues[language];
}
