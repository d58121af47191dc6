import { makeStyles, tokens } from '@fluentui/react-components';
import { VerticalBarChart } from '@fluentui/react-charts';
import { useTabEnv } from '../../tabContext.ts';

/**
 * Certificates running out per month, as bars. Its own lazy chunk (the chart library is most of the
 * tab's weight). Inert and hidden from assistive technology: the table beside it says the same.
 */
const useStyles = makeStyles({ box: { height: '260px', overflow: 'hidden' } });

export default function ExpiriesChart({ months }: { months: Array<{ month: string; count: number }> }) {
  const { t, formatMonth } = useTabEnv();
  const styles = useStyles();
  const data = months.map((m) => ({
    x: formatMonth(m.month),
    y: m.count,
    legend: t.certColExpiring,
    color: tokens.colorBrandBackground,
  }));
  return (
    <div className={styles.box} inert aria-hidden="true">
      <VerticalBarChart data={data} height={240} hideLegend chartTitle={t.certExpiriesByMonth} />
    </div>
  );
}
