import { useState } from 'react';
import { Button, Field, Input, Select, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type {
  LearningTimeRequestBody,
  LearningTimeRequestResponse,
  ProgramProgressView,
  TabErrorBody,
} from '../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../tabContext.ts';
import { LEARNING_TIME_FORM, problemLabel } from './labels.ts';
import { ActionStatus } from '../components/States.tsx';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '480px' },
});

const OTHER = '';

type FieldName = 'date' | 'minutes' | 'purpose';
type Problems = Partial<Record<FieldName, string>>;

/**
 * A learner asks their manager for learning time: a day, minutes, and a program or a line of what for.
 * The day starts at `today` as the server gives it (in the person's own time zone), never the
 * browser's date, which is a different day around midnight or away from home.
 */
export function RequestLearningTime({
  programs,
  today,
  sent,
}: {
  programs: ProgramProgressView[];
  today: string;
  sent: () => void;
}) {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const active = programs.filter((p) => p.status === 'active');
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState('30');
  const [programId, setProgramId] = useState(active[0]?.programId ?? OTHER);
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ intent: 'success' | 'warning'; text: string }>();
  const [problems, setProblems] = useState<Problems>({});

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
    setProblems(result.ok || result.code !== 'invalid' ? {} : problemsOf(result.body));
    if (result.ok) {
      setStatus({ intent: 'success', text: t.requestSent });
      sent();
    } else if (result.code === 'invalid') setStatus({ intent: 'warning', text: t.requestInvalid });
    else setStatus({ intent: 'warning', text: t.actionFailed });
  };

  /** The server's problems, field by field, in the words of the chat's form. */
  const problemsOf = (body: TabErrorBody | undefined): Problems => {
    const found: Problems = {};
    for (const issue of body?.error.issues ?? []) {
      const field: FieldName | undefined =
        issue.path === 'date'
          ? 'date'
          : issue.path === 'minutes'
            ? 'minutes'
            : issue.path === 'programId' || issue.path === 'purpose'
              ? 'purpose'
              : undefined;
      if (field && issue.problem && !found[field]) found[field] = problemLabel(t, issue.problem);
    }
    return found;
  };

  return (
    <section aria-labelledby="ask-time">
      <Title3 as="h2" id="ask-time">
        {t.askForTime}
      </Title3>
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <Field label={t.requestDate} required validationMessage={problems.date}>
          <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} required />
        </Field>
        <Field
          label={t.requestMinutes}
          hint={t.requestMinutesHint}
          required
          validationMessage={problems.minutes}
        >
          <Input
            type="number"
            min={LEARNING_TIME_FORM.minMinutes}
            max={LEARNING_TIME_FORM.maxMinutes}
            step={15}
            value={minutes}
            onChange={(_e, d) => setMinutes(d.value)}
            required
          />
        </Field>
        <Field
          label={t.requestWhatFor}
          validationMessage={programId === OTHER ? undefined : problems.purpose}
        >
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
          <Field label={t.requestPurpose} required validationMessage={problems.purpose}>
            <Input
              value={purpose}
              maxLength={LEARNING_TIME_FORM.purposeMaxLength}
              onChange={(_e, d) => setPurpose(d.value)}
              required
            />
          </Field>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t.requestSend}
          </Button>
        </div>
      </form>
      <ActionStatus status={status} />
    </section>
  );
}
