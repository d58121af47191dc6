import type { Theme } from '@fluentui/react-components';

/**
 * An Adaptive Cards host config close to Teams': Teams' font, sizes and spacing, and the colours of
 * the Fluent theme the tab is in (Teams draws cards in its own light, dark or high-contrast theme,
 * and the tab follows the same theme). A plain object, so adaptivecards' HostConfig can parse it and
 * a test can read it without a browser.
 */
export function teamsHostConfig(theme: Theme) {
  const text = (color: string, subtle: string) => ({ default: color, subtle });
  const foregrounds = {
    default: text(theme.colorNeutralForeground1, theme.colorNeutralForeground2),
    dark: text(theme.colorNeutralForeground1, theme.colorNeutralForeground3),
    light: text(theme.colorNeutralForeground2, theme.colorNeutralForeground3),
    accent: text(theme.colorBrandForeground1, theme.colorBrandForeground2),
    good: text(theme.colorPaletteGreenForeground1, theme.colorPaletteGreenForeground2),
    warning: text(theme.colorPaletteDarkOrangeForeground1, theme.colorPaletteDarkOrangeForeground2),
    attention: text(theme.colorPaletteRedForeground1, theme.colorPaletteRedForeground2),
  };
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: foregrounds });
  return {
    fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
    supportsInteractivity: true,
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme.colorNeutralStroke2 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: style(theme.colorNeutralBackground1),
      emphasis: style(theme.colorNeutralBackground3),
      accent: style(theme.colorBrandBackground2),
      good: style(theme.colorPaletteGreenBackground1),
      warning: style(theme.colorPaletteDarkOrangeBackground1),
      attention: style(theme.colorPaletteRedBackground1),
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    adaptiveCard: { allowCustomStyle: false },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 12,
    },
    textBlock: { headingLevel: 2 },
  };
}
