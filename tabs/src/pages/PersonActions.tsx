import { useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type {
  NudgeResponse,
  RecognitionBody,
  RecognitionResponse,
  TabAction,
} from '../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../tabContext.ts';
import { ActionStatus } from '../components/States.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '480px' },
});

/** A nudge (at most one a week, the server says when) and a thank-you, as the server allows them. */
export function PersonActions({ personId, actions }: { personId: string; actions: TabAction[] }) {
  const { t, api, formatDate } = useTabEnv();
  const styles = useStyles();
  const [status, setStatus] = useState<{ intent: 'success' | 'warning'; text: string }>();
  const [writing, setWriting] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const base = `/my-team/people/${encodeURIComponent(personId)}`;

  const nudge = async () => {
    setBusy(true);
    const result = await api.post<NudgeResponse>(`${base}/nudge`);
    setBusy(false);
    if (result.ok) setStatus({ intent: 'success', text: t.nudgeSent });
    else if (result.code === 'tooMany' && result.body?.error.retryAt)
      setStatus({ intent: 'warning', text: t.nudgeTooSoon(formatDate(result.body.error.retryAt)) });
    else setStatus({ intent: 'warning', text: t.actionFailed });
  };
  const recognize = async () => {
    const body: RecognitionBody = { text: text.trim() };
    if (!body.text) return;
    setBusy(true);
    const result = await api.post<RecognitionResponse>(`${base}/recognition`, body);
    setBusy(false);
    if (result.ok) {
      setStatus({ intent: 'success', text: t.recognitionSent });
      setWriting(false);
      setText('');
    } else setStatus({ intent: 'warning', text: t.actionFailed });
  };

  if (!actions.includes('nudge') && !actions.includes('recognize')) return null;
  return (
    <div className={styles.form}>
      <div className={styles.row}>
        {actions.includes('nudge') && (
          <Button disabled={busy} onClick={() => void nudge()}>
            {t.nudge}
          </Button>
        )}
        {actions.includes('recognize') && (
          <Button disabled={busy} onClick={() => setWriting((w) => !w)} aria-expanded={writing}>
            {t.recognize}
          </Button>
        )}
      </div>
      {writing && (
        <>
          <Field label={t.recognitionLabel}>
            <Input value={text} maxLength={280} onChange={(_e, d) => setText(d.value)} />
          </Field>
          <div className={styles.row}>
            {t.recognitionSuggestions.map((s) => (
              <Button key={s} size="small" appearance="outline" onClick={() => setText(s)}>
                {s}
              </Button>
            ))}
          </div>
          <div>
            <Button appearance="primary" disabled={busy || !text.trim()} onClick={() => void recognize()}>
              {t.recognitionSend}
            </Button>
          </div>
        </>
      )}
      <ActionStatus status={status} />
    </div>
  );
}
