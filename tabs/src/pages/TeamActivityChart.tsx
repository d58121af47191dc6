import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { VerticalBarChart } from '@fluentui/react-charts';
import type { WeeklyActivityPoint } from '../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../tabContext.ts';

/**
 * The team's steps done per week. Loaded lazily (its own chunk): the chart library is most of the
 * tab's weight and nothing on the first screen waits for it. A table with the same figures follows
 * for screen readers.
 */
const useStyles = makeStyles({ box: { height: '260px', overflow: 'hidden' } });

export default function TeamActivityChart({ points }: { points: WeeklyActivityPoint[] }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  const data = points.map((p) => ({
    x: formatDate(p.weekStart),
    y: p.stepsDone,
    legend: t.weeklyStepsLegend,
    color: tokens.colorBrandBackground,
    xAxisCalloutData: t.weekOf(formatDate(p.weekStart)),
  }));
  const quiet = points.every((p) => p.stepsDone === 0);
  return (
    <>
      {quiet && <Text block>{t.noActivity}</Text>}
      {/* A box of fixed height: the chart sizes itself to its parent, which would otherwise grow with
          it. Inert and hidden from assistive technology: the table below says the same in words, and
          the chart's own focus stops would be hidden tab stops to a screen reader. */}
      <div className={styles.box} inert aria-hidden="true">
        <VerticalBarChart data={data} height={240} hideLegend chartTitle={t.weeklyActivity} />
      </div>
      <table className="visually-hidden">
        <caption>{t.weeklyActivity}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colWeek}</th>
            <th scope="col">{t.weeklyStepsLegend}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.weekStart}>
              <th scope="row">{t.weekOf(formatDate(p.weekStart))}</th>
              <td>{p.stepsDone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
