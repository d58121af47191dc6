import { makeStyles, tokens } from '@fluentui/react-components';
import { VerticalBarChart } from '@fluentui/react-charts';
import { useTabEnv } from '../../../tabContext.ts';
import type { ChartPoint } from './effectFigures.ts';

/**
 * The share active each week, as bars (per cent). Its own lazy chunk. Inert and hidden from
 * assistive technology: the table below it has the same figures in words.
 */
const useStyles = makeStyles({ box: { height: '240px', overflow: 'hidden' } });

export default function WeeklyChart({ weeks, title }: { weeks: ChartPoint[]; title: string }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const data = weeks.map((w) => ({
    x: w.label,
    y: w.value ?? 0,
    legend: t.effectWeeklyLegend,
    color: tokens.colorBrandBackground,
  }));
  return (
    <div className={styles.box} inert aria-hidden="true">
      <VerticalBarChart data={data} height={220} hideLegend yMaxValue={100} chartTitle={title} />
    </div>
  );
}
