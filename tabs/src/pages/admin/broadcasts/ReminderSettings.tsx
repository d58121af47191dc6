import { useState } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type {
  BroadcastDetailResponse,
  BroadcastDetailView,
  ReminderSettingsBody,
} from '../../../../../src/http/tabs/contract.ts';
import { TitledSection } from '../../../components/Sections.tsx';
import { useTabEnv } from '../../../tabContext.ts';
import { ActionStatus } from '../../../components/States.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  narrow: { maxWidth: '160px' },
});

const whole = (value: string, min: number, max: number) =>
  /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

/** Reminders to those who have not acknowledged: after N days, at most M; HR can change both. */
export function ReminderSettings({
  broadcast: b,
  editable,
  changed,
}: {
  broadcast: BroadcastDetailView;
  editable: boolean;
  changed: () => void;
}) {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const [afterDays, setAfterDays] = useState(String(b.reminders.afterDays));
  const [maxReminders, setMaxReminders] = useState(String(b.reminders.maxReminders));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string }>();
  const afterOk = whole(afterDays, 1, 30);
  const maxOk = whole(maxReminders, 0, 10);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!afterOk || !maxOk) return;
    const body: ReminderSettingsBody = { afterDays: Number(afterDays), maxReminders: Number(maxReminders) };
    setBusy(true);
    const result = await api.post<BroadcastDetailResponse>(
      `/admin/broadcasts/${encodeURIComponent(b.id)}/reminders`,
      body,
    );
    setBusy(false);
    if (result.ok) {
      setOutcome({ intent: 'success', text: t.remindersSaved });
      changed();
    } else
      setOutcome({ intent: 'error', text: result.code === 'invalid' ? t.remindersInvalid : t.actionFailed });
  };

  return (
    <TitledSection id="broadcast-reminders" title={t.remindersTitle}>
      <Text block>{t.remindersSentSoFar(b.remindersSent)}</Text>
      {!editable ? (
        <Text block>{t.remindersSummary(b.reminders.afterDays, b.reminders.maxReminders)}</Text>
      ) : (
        <form className={styles.row} onSubmit={(e) => void save(e)} noValidate>
          <Field
            label={t.composeRemindAfter}
            hint={t.composeRemindAfterHint}
            {...(tried && !afterOk
              ? { validationState: 'error' as const, validationMessage: t.problemRemindAfter }
              : {})}
          >
            <Input
              className={styles.narrow}
              type="number"
              min={1}
              max={30}
              value={afterDays}
              onChange={(_e, d) => setAfterDays(d.value)}
            />
          </Field>
          <Field
            label={t.composeMaxReminders}
            hint={t.composeMaxRemindersHint}
            {...(tried && !maxOk
              ? { validationState: 'error' as const, validationMessage: t.problemMaxReminders }
              : {})}
          >
            <Input
              className={styles.narrow}
              type="number"
              min={0}
              max={10}
              value={maxReminders}
              onChange={(_e, d) => setMaxReminders(d.value)}
            />
          </Field>
          <Button type="submit" disabled={busy}>
            {t.remindersSave}
          </Button>
        </form>
      )}
      <ActionStatus status={outcome} />
    </TitledSection>
  );
}
