import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client.ts';
import type { Messages, TabLanguage } from './messages/index.ts';

/** What every page needs: the texts and formats of the person's language, and the API. */
export interface TabEnv {
  language: TabLanguage;
  t: Messages;
  api: ApiClient;
  /** 27 Nov 2026 in the person's language. */
  formatDate(iso: string): string;
  /** November 2026, for YYYY-MM. */
  formatMonth(yyyyMm: string): string;
  /** 27 Nov 2026, 14:05 in the person's language and their device's time zone: an instant. */
  formatDateTime(iso: string): string;
}

export const TabEnvContext = createContext<TabEnv | null>(null);

export function useTabEnv(): TabEnv {
  const env = useContext(TabEnvContext);
  if (!env) throw new Error('useTabEnv outside TabEnvContext');
  return env;
}

export function formatters(
  language: TabLanguage,
): Pick<TabEnv, 'formatDate' | 'formatMonth' | 'formatDateTime'> {
  const tag = language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    // Calendar days (YYYY-MM-DD) are dates, not instants: read them as UTC so no time zone moves them.
    formatDate: (iso) => day.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    formatMonth: (yyyyMm) => month.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
    formatDateTime: (iso) => instant.format(new Date(iso)),
  };
}
