import { makeStyles, tokens } from '@fluentui/react-components';
import { HorizontalBarChartWithAxis } from '@fluentui/react-charts';
import type { AcknowledgementRateView } from '../../../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { percent } from './labels.ts';

/**
 * Acknowledgement rates as bars (per cent of recipients). Its own lazy chunk. Inert and hidden from
 * assistive technology: the table beside it has the same figures in words.
 */
const useStyles = makeStyles({ box: { overflow: 'hidden' } });

export default function RatesChart({ rates, title }: { rates: AcknowledgementRateView[]; title: string }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const shown = rates.slice(0, 12);
  const data = shown.map((r) => ({
    x: percent(r.acknowledged, r.recipients),
    y: r.label,
    legend: t.colRate,
    color: tokens.colorBrandBackground,
    xAxisCalloutData: t.percentValue(percent(r.acknowledged, r.recipients)),
  }));
  const height = Math.max(120, shown.length * 32 + 60);
  return (
    <div className={styles.box} style={{ height }} inert aria-hidden="true">
      <HorizontalBarChartWithAxis
        data={data}
        height={height}
        barHeight={18}
        hideLegend
        showYAxisLables
        xMaxValue={100}
        chartTitle={title}
      />
    </div>
  );
}
