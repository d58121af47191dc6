import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  LearningTimeRequestBody,
  LearningTimeRequestResponse,
  ProgramProgressView,
} from '../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../tabContext.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '480px' },
});

const OTHER = '';

/** A learner asks their manager for learning time: a day, minutes, and a program or a line of what for. */
export function RequestLearningTime({
  programs,
  sent,
}: {
  programs: ProgramProgressView[];
  sent: () => void;
}) {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const active = programs.filter((p) => p.status === 'active');
  // Today in the person's own time zone (sv-SE formats a date as YYYY-MM-DD).
  const [date, setDate] = useState(() => new Date().toLocaleDateString('sv-SE'));
  const [minutes, setMinutes] = useState('30');
  const [programId, setProgramId] = useState(active[0]?.programId ?? OTHER);
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ intent: 'success' | 'warning'; text: string }>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body: LearningTimeRequestBody = {
      date,
      minutes: Number(minutes),
      ...(programId === OTHER ? { purpose: purpose.trim() } : { programId }),
    };
    setBusy(true);
    const result = await api.post<LearningTimeRequestResponse>('/learning-time-requests', body);
    setBusy(false);
    if (result.ok) {
      setStatus({ intent: 'success', text: t.requestSent });
      sent();
    } else if (result.code === 'invalid') setStatus({ intent: 'warning', text: t.requestInvalid });
    else setStatus({ intent: 'warning', text: t.actionFailed });
  };

  return (
    <section aria-labelledby="ask-time">
      <Title3 as="h2" id="ask-time">
        {t.askForTime}
      </Title3>
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <Field label={t.requestDate} required>
          <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} required />
        </Field>
        <Field label={t.requestMinutes} hint={t.requestMinutesHint} required>
          <Input
            type="number"
            min={15}
            max={480}
            step={15}
            value={minutes}
            onChange={(_e, d) => setMinutes(d.value)}
            required
          />
        </Field>
        <Field label={t.requestWhatFor}>
          <Select value={programId} onChange={(_e, d) => setProgramId(d.value)}>
            {active.map((p) => (
              <option key={p.programId} value={p.programId}>
                {p.title}
              </option>
            ))}
            <option value={OTHER}>{t.requestOther}</option>
          </Select>
        </Field>
        {programId === OTHER && (
          <Field label={t.requestPurpose} required>
            <Input value={purpose} maxLength={200} onChange={(_e, d) => setPurpose(d.value)} required />
          </Field>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t.requestSend}
          </Button>
        </div>
      </form>
      <div role="status">
        {status && (
          <MessageBar intent={status.intent}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
