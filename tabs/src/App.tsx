import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { FluentProvider, Title2, Text } from '@fluentui/react-components';
import { apiClient } from './api/client.ts';
import type { TeamsSession, TeamsTheme } from './host/teams.ts';
import { languageOf, messagesFor, type TabLanguage } from './messages/index.ts';
import { formatters, TabEnvContext, type TabEnv } from './tabContext.ts';
import { fluentThemes, TabThemeContext } from './theme.ts';
import { Loading } from './components/States.tsx';
import { MyLearning } from './pages/MyLearning.tsx';
import { MyTeam } from './pages/MyTeam.tsx';

// HR's tab is a chunk of its own: learners and managers, who open the other two, never load it.
const Admin = lazy(() => import('./pages/admin/AdminTab.tsx'));

export type TabName = 'my-learning' | 'my-team' | 'admin';

function Shell({
  language,
  theme,
  children,
}: {
  language: TabLanguage;
  theme: TeamsTheme;
  children: React.ReactNode;
}) {
  useEffect(() => {
    document.documentElement.lang = language === 'nb' ? 'nb' : language;
    document.documentElement.dataset.theme = theme;
  }, [language, theme]);
  return (
    <FluentProvider theme={fluentThemes[theme]} className="tab-root">
      <main className="tab-main">{children}</main>
    </FluentProvider>
  );
}

/** A tab inside Teams: the person's language and theme, and the page the manifest's URL names. */
export function TabApp({ tab, session }: { tab: TabName; session: TeamsSession }) {
  const [theme, setTheme] = useState<TeamsTheme>(session.theme);
  useEffect(() => session.onThemeChange(setTheme), [session]);
  const language = languageOf(session.locale);
  const env = useMemo<TabEnv>(
    () => ({
      language,
      t: messagesFor(language),
      api: apiClient(session.getToken, session.locale),
      ...formatters(language),
    }),
    [language, session],
  );
  useEffect(() => session.loaded(), [session]);
  return (
    <Shell language={language} theme={theme}>
      <TabThemeContext.Provider value={theme}>
        <TabEnvContext.Provider value={env}>
          {tab === 'my-learning' && <MyLearning />}
          {tab === 'my-team' && <MyTeam />}
          {tab === 'admin' && (
            <Suspense fallback={<Loading />}>
              <Admin />
            </Suspense>
          )}
        </TabEnvContext.Provider>
      </TabThemeContext.Provider>
    </Shell>
  );
}

/** Opened in a plain browser: no Teams to ask for a locale, so the browser's language decides. */
export function OutsideTeams() {
  const language = languageOf(navigator.language);
  const t = messagesFor(language);
  return (
    <Shell language={language} theme="default">
      <Title2 as="h1">{t.outsideTitle}</Title2>
      <Text block>{t.outsideBody}</Text>
    </Shell>
  );
}
