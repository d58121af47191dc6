import { useEffect } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BroadcastDetailResponse, BroadcastDetailView } from '../../../../../src/http/tabs/contract.ts';
import { ListSection, TitledSection } from '../../../components/Sections.tsx';
import { Loading, LoadFailed } from '../../../components/States.tsx';
import { useTabEnv } from '../../../tabContext.ts';
import { usePolled } from '../usePolled.ts';
import { AcknowledgementRates } from './AcknowledgementRates.tsx';
import { BroadcastActions } from './BroadcastActions.tsx';
import { broadcastStatusLabel, factsLine, handled, percent } from './labels.ts';
import { ReminderSettings } from './ReminderSettings.tsx';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  figure: { display: 'grid', gap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground2 },
});

/** Every few seconds while a send is under way or acknowledgements are still coming in. */
export const DETAIL_POLL_MS = 4000;

const followUp = ({ broadcast: b }: BroadcastDetailResponse) =>
  b.status === 'sending' || b.status === 'scheduled' || (b.status === 'sent' && b.requiresAcknowledgement);

/** One broadcast: live progress, failures with reasons, acknowledgement rates, reminders, versions. */
export function BroadcastDetail({
  id,
  back,
  correct,
  changed,
  notice,
}: {
  id: string;
  back: () => void;
  correct: (broadcast: BroadcastDetailView) => void;
  changed: () => void;
  /** Said once when the page opens (after a send or a correction). */
  notice?: string;
}) {
  const { t } = useTabEnv();
  const { value, reload } = usePolled<BroadcastDetailResponse>(
    `/admin/broadcasts/${encodeURIComponent(id)}`,
    DETAIL_POLL_MS,
    followUp,
  );
  const ready = value.state === 'ready';
  // Focus moves to the heading, so keyboard and screen reader users land on what they opened.
  useEffect(() => {
    if (ready) document.getElementById('broadcast-heading')?.focus();
  }, [ready, id]);
  const refresh = () => {
    reload();
    changed();
  };
  return (
    <>
      <div>
        <Button onClick={back}>{t.backToBroadcasts}</Button>
      </div>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && (
        <>
          <Title2 as="h2" id="broadcast-heading" tabIndex={-1}>
            {value.data.broadcast.title}
          </Title2>
          <div role="status">
            {notice && (
              <MessageBar intent="success">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {value.stale && (
              <MessageBar intent="warning">
                <MessageBarBody>{t.progressStale}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <Detail broadcast={value.data.broadcast} correct={correct} changed={refresh} />
        </>
      )}
    </>
  );
}

function Detail({
  broadcast: b,
  correct,
  changed,
}: {
  broadcast: BroadcastDetailView;
  correct: (broadcast: BroadcastDetailView) => void;
  changed: () => void;
}) {
  const { t, formatDate, formatDateTime } = useTabEnv();
  const styles = useStyles();
  const p = b.progress;
  const facts = [
    broadcastStatusLabel(t, b.status),
    t.versionOf(b.version),
    b.sentAt
      ? t.sentOn(formatDateTime(b.sentAt))
      : b.scheduledFor
        ? t.scheduledFor(formatDateTime(b.scheduledFor))
        : undefined,
    b.recalledAt ? t.recalledOn(formatDateTime(b.recalledAt)) : undefined,
    b.dueDate ? t.dueBy(formatDate(b.dueDate)) : undefined,
  ];
  const figures: Array<[string, string]> = [
    [t.figureRecipients, String(p.recipients)],
    [t.figureQueued, String(p.queued)],
    [t.figureSent, String(p.sent)],
    [t.figureFailed, String(p.failed)],
    ...(b.requiresAcknowledgement
      ? ([
          [t.figureAcknowledged, t.figureWithPercent(p.acknowledged, percent(p.acknowledged, p.recipients))],
        ] as Array<[string, string]>)
      : []),
    ...(b.status === 'recalled' || p.recalled > 0
      ? ([[t.figureRecalled, String(p.recalled)]] as Array<[string, string]>)
      : []),
  ];
  return (
    <>
      <Text block className={styles.sub}>
        {factsLine(facts)}
      </Text>
      <Text block className={styles.sub}>
        {t.audienceWas(b.audience.expression ?? '', b.audience.addressCount)}
      </Text>
      <BroadcastActions broadcast={b} correct={() => correct(b)} changed={changed} />
      <TitledSection id="broadcast-progress" title={t.progressTitle}>
        <ProgressBar
          value={p.recipients === 0 ? 0 : handled(p) / p.recipients}
          aria-label={t.deliveryProgressLabel(b.title)}
        />
        <dl className={styles.figures} data-testid="broadcast-figures">
          {figures.map(([term, value]) => (
            <div key={term} className={styles.figure}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      </TitledSection>
      <ListSection
        id="broadcast-failures"
        title={t.failuresTitle}
        empty={t.failuresNone}
        items={p.failures}
        itemKey={(f) => f.reason}
        renderItem={(f) => <Text>{t.failureLine(t.failureReasons[f.reason], f.count)}</Text>}
      />
      {b.requiresAcknowledgement && b.actions.includes('viewRates') && (
        <AcknowledgementRates broadcastId={b.id} acknowledged={p.acknowledged} />
      )}
      {b.requiresAcknowledgement && (
        <ReminderSettings broadcast={b} editable={b.actions.includes('setReminders')} changed={changed} />
      )}
      <ListSection
        id="broadcast-versions"
        title={t.versionsTitle}
        empty={t.versionsNone}
        items={[...b.versions].reverse()}
        itemKey={(v) => String(v.version)}
        renderItem={(v) => (
          <Text>
            {t.versionLine(v.version, formatDateTime(v.createdAt), v.createdBy.displayName)}
            {v.changeNote && ` — ${v.changeNote}`}
          </Text>
        )}
      />
    </>
  );
}
