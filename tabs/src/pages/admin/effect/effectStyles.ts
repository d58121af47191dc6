import { makeStyles, tokens } from '@fluentui/react-components';

/** The Effect view's tables and toolbar, in the theme's tokens like the other admin sections. */
export const useEffectStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: {
    textAlign: 'end',
    verticalAlign: 'top',
    whiteSpace: 'nowrap',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hidden: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontStyle: 'italic',
  },
  rowGroup: {
    textAlign: 'start',
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  sub: { color: tokens.colorNeutralForeground2 },
  comments: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  legend: { display: 'flex', gap: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
});
