import { Suspense, lazy, useEffect, useRef } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type {
  AcknowledgementRateView,
  AcknowledgementRatesResponse,
} from '../../../../../src/http/tabs/contract.ts';
import { ChartBoundary } from '../../../components/ChartBoundary.tsx';
import { TitledSection } from '../../../components/Sections.tsx';
import { Loading, LoadFailed } from '../../../components/States.tsx';
import { useApi } from '../../../components/useApi.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { percent } from './labels.ts';

// The chart library loads after the figures are on screen, as in My team.
const RatesChart = lazy(() => import('./RatesChart.tsx'));

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
  },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: {
    textAlign: 'right',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Who acknowledged the current version, per department and per manager: a chart and its figures. */
export function AcknowledgementRates({
  broadcastId,
  acknowledged,
}: {
  broadcastId: string;
  acknowledged: number;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const { value, reload } = useApi<AcknowledgementRatesResponse>(
    `/admin/broadcasts/${encodeURIComponent(broadcastId)}/rates`,
  );
  // The detail is polled; the rates follow when its count of acknowledgements moves.
  const seen = useRef(acknowledged);
  useEffect(() => {
    if (seen.current === acknowledged) return;
    seen.current = acknowledged;
    reload();
  }, [acknowledged, reload]);
  return (
    <TitledSection id="broadcast-rates" title={t.ratesTitle}>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && (
        <div className={styles.groups}>
          <RateGroup
            id="rates-department"
            title={t.ratesByDepartment}
            rates={value.data.byDepartment}
            empty={t.noDepartment}
          />
          <RateGroup
            id="rates-manager"
            title={t.ratesByManager}
            rates={value.data.byManager}
            empty={t.noManager}
          />
        </div>
      )}
    </TitledSection>
  );
}

function RateGroup({
  id,
  title,
  rates,
  empty,
}: {
  id: string;
  title: string;
  rates: AcknowledgementRateView[];
  empty: string;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const labelled = rates.map((r) => ({ ...r, label: r.label || empty }));
  return (
    <section aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" size={400} block>
        {title}
      </Text>
      {rates.length === 0 ? (
        <Text block>{t.ratesNone}</Text>
      ) : (
        <>
          <ChartBoundary fallback={<Text block>{t.chartFailed}</Text>}>
            <Suspense fallback={<Loading label={t.chartLoading} />}>
              <RatesChart rates={labelled} title={title} />
            </Suspense>
          </ChartBoundary>
          <table className={styles.table} data-testid={id}>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {t.colGroup}
                </th>
                <th scope="col" className={styles.number}>
                  {t.colAcknowledged}
                </th>
                <th scope="col" className={styles.number}>
                  {t.colRate}
                </th>
              </tr>
            </thead>
            <tbody>
              {labelled.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className={styles.cell}>
                    {r.label}
                  </th>
                  <td className={styles.number}>{t.ofRecipients(r.acknowledged, r.recipients)}</td>
                  <td className={styles.number}>{t.percentValue(percent(r.acknowledged, r.recipients))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
