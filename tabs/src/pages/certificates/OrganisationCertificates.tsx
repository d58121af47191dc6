import { Suspense, lazy, useState } from 'react';
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { OrganisationCertificatesResponse } from '../../../../src/http/tabs/certificates/contract.ts';
import { ChartBoundary } from '../../components/ChartBoundary.tsx';
import { TitledSection } from '../../components/Sections.tsx';
import { ActionStatus, LoadFailed, Loading } from '../../components/States.tsx';
import { useApi } from '../../components/useApi.ts';
import { useTabEnv } from '../../tabContext.ts';
import { CertificateCounts } from './CertificateCounts.tsx';
import { certificateLine, statusColor } from './certificateText.ts';

// The chart library loads after the figures are on screen, as in My team.
const ExpiriesChart = lazy(() => import('./ExpiriesChart.tsx'));

const HORIZONS = [30, 60, 90] as const;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sub: { color: tokens.colorNeutralForeground2 },
});

/**
 * The Admin tab's certificates (HR): the whole organisation's, with filters by certification and
 * how soon they run out, the expiries by month as a chart (lazy) and a table, the most urgent rows,
 * and the CSV export of every row the filters keep.
 */
export function OrganisationCertificates() {
  const { t, api, formatMonth, formatDate } = useTabEnv();
  const styles = useStyles();
  const [certification, setCertification] = useState('');
  const [expiring, setExpiring] = useState('');
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string }>();
  const query = new URLSearchParams({
    ...(certification ? { certification } : {}),
    ...(expiring ? { expiringWithin: expiring } : {}),
  }).toString();
  const path = `/admin/certificates${query ? `?${query}` : ''}`;
  const { value, reload } = useApi<OrganisationCertificatesResponse>(path);

  const exportCsv = async () => {
    const result = await api.download(`/admin/certificates/export.csv${query ? `?${query}` : ''}`);
    if (!result.ok) {
      setOutcome({ intent: 'error', text: t.exportFailed });
      return;
    }
    const url = URL.createObjectURL(result.data.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = result.data.fileName ?? 'certificates.csv';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setOutcome({ intent: 'success', text: t.exportDone(link.download) });
  };

  const data = value.state === 'ready' ? value.data : undefined;
  return (
    <TitledSection id="admin-certificates" title={t.adminCertificates}>
      <div className={styles.filters}>
        <Field label={t.certFilterCertification}>
          <Select value={certification} onChange={(_e, d) => setCertification(d.value)}>
            <option value="">{t.certFilterAll}</option>
            {data?.certifications.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.certFilterExpiring}>
          <Select value={expiring} onChange={(_e, d) => setExpiring(d.value)}>
            <option value="">{t.certFilterAny}</option>
            {HORIZONS.map((h) => (
              <option key={h} value={String(h)}>
                {t.certDays(h)}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void exportCsv()}>{t.exportCsv}</Button>
      </div>
      <ActionStatus status={outcome} inline />
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {data && (
        <>
          <CertificateCounts counts={data.counts} />
          <Text as="h3" weight="semibold" block>
            {t.certExpiriesByMonth}
          </Text>
          <ChartBoundary fallback={<Text block>{t.chartFailed}</Text>}>
            <Suspense fallback={<Loading label={t.chartLoading} />}>
              <ExpiriesChart months={data.expiriesByMonth} />
            </Suspense>
          </ChartBoundary>
          <table className={styles.table} data-testid="cert-expiries-by-month">
            <caption className="visually-hidden">{t.certExpiriesByMonth}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {t.certColMonth}
                </th>
                <th scope="col" className={styles.cell}>
                  {t.certColExpiring}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.expiriesByMonth.map((m) => (
                <tr key={m.month}>
                  <th scope="row" className={styles.cell}>
                    {formatMonth(m.month)}
                  </th>
                  <td className={styles.cell}>{m.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.rows.length === 0 ? (
            <Text block>{t.certNoneInOrganisation}</Text>
          ) : (
            <>
              {data.total > data.rows.length && (
                <Text block className={styles.sub}>
                  {t.certShowing(data.rows.length, data.total)}
                </Text>
              )}
              <table className={styles.table} data-testid="admin-certificates">
                <caption className="visually-hidden">{t.adminCertificates}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.cell}>
                      {t.certColPerson}
                    </th>
                    <th scope="col" className={styles.cell}>
                      {t.certColCertification}
                    </th>
                    <th scope="col" className={styles.cell}>
                      {t.certColStatus}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={`${r.userId}-${r.certificationId}`}>
                      <th scope="row" className={styles.cell}>
                        {r.displayName}
                        {r.department && (
                          <Text size={200} block className={styles.sub}>
                            {r.department}
                          </Text>
                        )}
                      </th>
                      <td className={styles.cell}>{r.title}</td>
                      <td className={styles.cell}>
                        <Badge appearance="tint" color={statusColor(r)}>
                          {t.certStatus(r.status)}
                        </Badge>{' '}
                        <Text size={200} className={styles.sub}>
                          {certificateLine(t, r, formatDate)}
                        </Text>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </TitledSection>
  );
}
