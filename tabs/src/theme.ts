import { createContext, useContext } from 'react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsTheme } from './host/teams.ts';

/** The Fluent theme for each Teams theme, and the Teams theme the tab is in right now. */
export const fluentThemes: Record<TeamsTheme, Theme> = {
  default: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

export const TabThemeContext = createContext<TeamsTheme>('default');

/** For what draws outside Fluent's components (the card preview) and must match the theme. */
export function useTabTheme(): { name: TeamsTheme; theme: Theme } {
  const name = useContext(TabThemeContext);
  return { name, theme: fluentThemes[name] };
}
