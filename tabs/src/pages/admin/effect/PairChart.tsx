import { makeStyles, tokens } from '@fluentui/react-components';
import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import { useEffectStyles } from './effectStyles.ts';

/**
 * Two figures per row side by side (before and after, first attempt and final), as grouped bars.
 * Its own lazy chunk. Inert and hidden from assistive technology: the table below has the figures;
 * the legend is ours (the chart's own is buttons, which would be focusable inside the hidden box).
 */
const useStyles = makeStyles({ box: { height: '260px', overflow: 'hidden' } });

export interface PairChartProps {
  title: string;
  rows: Array<{ label: string; first: number | null; second: number | null }>;
  legends: { first: string; second: string };
  max: number;
}

export default function PairChart({ title, rows, legends, max }: PairChartProps) {
  const styles = useStyles();
  const shared = useEffectStyles();
  const colors = { first: tokens.colorNeutralForeground3, second: tokens.colorBrandBackground };
  const data = rows.map((r) => ({
    name: r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label,
    series: [
      { key: 'first', data: r.first ?? 0, legend: legends.first, color: colors.first },
      { key: 'second', data: r.second ?? 0, legend: legends.second, color: colors.second },
    ],
  }));
  return (
    <div inert aria-hidden="true">
      <div className={shared.legend}>
        {(['first', 'second'] as const).map((k) => (
          <span key={k}>
            <span className={shared.swatch} style={{ backgroundColor: colors[k] }} />
            {legends[k]}
          </span>
        ))}
      </div>
      <div className={styles.box}>
        <GroupedVerticalBarChart
          data={data}
          height={240}
          hideLegend
          yMaxValue={max}
          chartTitle={title}
          barWidth="auto"
        />
      </div>
    </div>
  );
}
