import {
  Button,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BroadcastSummaryView } from '../../../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { broadcastStatusLabel, factsLine, handled, percent } from './labels.ts';

const useStyles = makeStyles({
  sub: { color: tokens.colorNeutralForeground2 },
  progress: { minWidth: '160px', display: 'grid', gap: tokens.spacingVerticalXXS },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** Every broadcast, newest first, with how far its send has come and who acknowledged. */
export function BroadcastList({
  broadcasts,
  open,
  compose,
}: {
  broadcasts: BroadcastSummaryView[];
  open: (id: string) => void;
  compose: () => void;
}) {
  const { t, formatDateTime } = useTabEnv();
  const styles = useStyles();
  if (broadcasts.length === 0)
    return (
      <>
        <Text block>{t.broadcastsEmpty}</Text>
        <div>
          <Button appearance="primary" onClick={compose}>
            {t.composeFirst}
          </Button>
        </div>
      </>
    );
  return (
    <Table aria-label={t.adminBroadcasts} data-testid="broadcasts">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.colGuideline}</TableHeaderCell>
          <TableHeaderCell>{t.colStatus}</TableHeaderCell>
          <TableHeaderCell>{t.colDelivery}</TableHeaderCell>
          <TableHeaderCell>{t.colAcknowledged}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {broadcasts.map((b) => {
          const p = b.progress;
          const when = b.sentAt ?? b.scheduledFor ?? b.createdAt;
          return (
            <TableRow key={b.id}>
              <TableCell>
                <Button
                  appearance="transparent"
                  onClick={() => open(b.id)}
                  aria-label={t.openBroadcast(b.title)}
                >
                  {b.title}
                </Button>
                <Text block size={200} className={styles.sub}>
                  {factsLine([t.versionOf(b.version), formatDateTime(when), b.createdBy.displayName])}
                </Text>
              </TableCell>
              <TableCell>{broadcastStatusLabel(t, b.status)}</TableCell>
              <TableCell>
                <div className={styles.progress}>
                  <ProgressBar
                    value={p.recipients === 0 ? 0 : handled(p) / p.recipients}
                    aria-label={t.deliveryProgressLabel(b.title)}
                  />
                  <Text size={200}>{t.deliverySummary(p.sent, p.recipients, p.queued)}</Text>
                  {p.failed > 0 && (
                    <Text size={200} className={styles.failed}>
                      {t.failedCount(p.failed)}
                    </Text>
                  )}
                </div>
              </TableCell>
              <TableCell>
                {b.requiresAcknowledgement
                  ? t.acknowledgedSummary(p.acknowledged, p.recipients, percent(p.acknowledged, p.recipients))
                  : t.noAckAsked}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
