import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type {
  BroadcastDetailResponse,
  BroadcastDetailView,
  BroadcastSendBody,
} from '../../../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Asking = 'send' | 'recall' | undefined;
type Outcome = { intent: 'success' | 'warning' | 'error'; text: string; retry?: () => void };

/** What HR may do with a broadcast, as the server allows it: send a draft, correct, recall, export. */
export function BroadcastActions({
  broadcast: b,
  correct,
  changed,
}: {
  broadcast: BroadcastDetailView;
  correct: () => void;
  changed: () => void;
}) {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const [asking, setAsking] = useState<Asking>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const base = `/admin/broadcasts/${encodeURIComponent(b.id)}`;

  const act = async (what: 'send' | 'recall') => {
    setAsking(undefined);
    setBusy(true);
    const body: BroadcastSendBody | undefined = what === 'send' ? {} : undefined;
    const result = await api.post<BroadcastDetailResponse>(`${base}/${what}`, body);
    setBusy(false);
    if (result.ok) {
      setOutcome({ intent: 'success', text: what === 'send' ? t.sendStarted : t.recallStarted });
      changed();
    } else if (result.code === 'conflict') {
      setOutcome({ intent: 'warning', text: t.actionConflict });
      changed();
    } else setOutcome({ intent: 'error', text: t.actionFailed, retry: () => void act(what) });
  };

  const exportCsv = async () => {
    setBusy(true);
    const result = await api.download(`${base}/export.csv`);
    setBusy(false);
    if (!result.ok) {
      setOutcome({ intent: 'error', text: t.exportFailed, retry: () => void exportCsv() });
      return;
    }
    const url = URL.createObjectURL(result.data.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = result.data.fileName ?? `broadcast-${b.id}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    // The click has handed the blob to the download; the URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setOutcome({ intent: 'success', text: t.exportDone(link.download) });
  };

  const can = (action: BroadcastDetailView['actions'][number]) => b.actions.includes(action);
  if (!['send', 'correct', 'recall', 'export'].some((a) => can(a as BroadcastDetailView['actions'][number])))
    return null;
  return (
    <>
      <div className={styles.row}>
        {can('send') && (
          <Button appearance="primary" disabled={busy} onClick={() => setAsking('send')}>
            {t.sendDraftNow}
          </Button>
        )}
        {can('correct') && (
          <Button disabled={busy} onClick={correct}>
            {t.correctGuideline}
          </Button>
        )}
        {can('recall') && (
          <Button disabled={busy} onClick={() => setAsking('recall')}>
            {t.recallGuideline}
          </Button>
        )}
        {can('export') && (
          <Button disabled={busy} onClick={() => void exportCsv()}>
            {t.exportCsv}
          </Button>
        )}
        {busy && <Text>{t.working}</Text>}
      </div>
      <div role="status">
        {outcome && (
          <MessageBar intent={outcome.intent} layout="multiline">
            <MessageBarBody>
              {outcome.text}
              {outcome.retry && (
                <div className="state-action">
                  <Button onClick={outcome.retry}>{t.retry}</Button>
                </div>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ConfirmDialog
        open={asking === 'recall'}
        title={t.confirmRecallTitle}
        body={t.confirmRecallBody(b.title, b.progress.sent)}
        confirm={t.recallGuideline}
        danger
        onConfirm={() => void act('recall')}
        onCancel={() => setAsking(undefined)}
      />
      <ConfirmDialog
        open={asking === 'send'}
        title={t.confirmSendTitle}
        body={t.confirmSendBody(b.title, b.progress.recipients || undefined)}
        confirm={t.composeSendButton}
        onConfirm={() => void act('send')}
        onCancel={() => setAsking(undefined)}
      />
    </>
  );
}
