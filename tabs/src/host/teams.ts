import { app, authentication } from '@microsoft/teams-js';

/**
 * The tab's one seam to Teams (teams-js v2). Everything else sees a TeamsSession: who is signed in,
 * their locale and theme, and how to get a fresh SSO token.
 */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsSession {
  locale: string;
  theme: TeamsTheme;
  /** The Teams SSO token for Drypp's API; Teams caches and renews it. */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
  /** Tells Teams the tab has drawn its first screen (hides Teams' loading indicator). */
  loaded(): void;
}

export type HostConnection = { kind: 'inTeams'; session: TeamsSession } | { kind: 'outsideTeams' };

/**
 * teams-js rejects at once when there is no parent window, but a parent that never answers (a page
 * framing us that is not Teams) would keep `initialize` waiting for 60 s. Teams answers within a
 * second or two, so a few seconds of silence means we are not in Teams.
 */
export const HOST_SILENCE_MS = 6000;

export function asTheme(value: string | undefined): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export async function connectToTeams(silenceMs = HOST_SILENCE_MS): Promise<HostConnection> {
  if (window.parent === window && !window.opener) return { kind: 'outsideTeams' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<'silent'>(
    (resolve) => (timer = setTimeout(() => resolve('silent'), silenceMs)),
  );
  const initialized = app.initialize().then(
    () => 'ready' as const,
    (error: unknown) => {
      // The expected rejection ("No Parent window found"): not in Teams. Kept for the console only.
      console.info('Drypp tab: not in a Teams host', error);
      return 'failed' as const;
    },
  );
  const outcome = await Promise.race([initialized, silence]);
  clearTimeout(timer);
  if (outcome !== 'ready') return { kind: 'outsideTeams' };

  const context = await app.getContext();
  const session: TeamsSession = {
    locale: context.app.locale,
    theme: asTheme(context.app.theme),
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
    loaded: () => {
      app.notifyAppLoaded();
      void app.notifySuccess();
    },
  };
  return { kind: 'inTeams', session };
}
