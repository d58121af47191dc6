import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { NudgeResponse } from '../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../tabContext.ts';
import { ActionStatus } from './States.tsx';

/** What a nudge button says: its accessible name, and the line that replaces it after a click. */
export interface NudgeTexts {
  /** The button's accessible name, naming the person ("Nudge Alex Wilber"). */
  label: string;
  sent: string;
  tooSoon: (date: string) => string;
  /** A 409: the server says there is nothing to nudge about any more (e.g. acknowledged meanwhile). */
  nothingToDo?: string;
}

/**
 * A nudge the server decides on: the button posts to `path`, then gives way to what the server
 * answered (sent, not before a date, nothing to do), announced to screen readers. Shown only where
 * the caller's actions allow it (`allowed`).
 */
export function NudgeButton({ path, texts, allowed }: { path: string; texts: NudgeTexts; allowed: boolean }) {
  const { t, api, formatDate } = useTabEnv();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ intent: 'success' | 'warning'; text: string }>();
  const nudge = async () => {
    setBusy(true);
    const result = await api.post<NudgeResponse>(path);
    setBusy(false);
    if (result.ok) setStatus({ intent: 'success', text: texts.sent });
    else if (result.code === 'tooMany' && result.body?.error.retryAt)
      setStatus({ intent: 'warning', text: texts.tooSoon(formatDate(result.body.error.retryAt)) });
    else if (result.code === 'conflict' && texts.nothingToDo)
      setStatus({ intent: 'success', text: texts.nothingToDo });
    else setStatus({ intent: 'warning', text: t.actionFailed });
  };
  return (
    <>
      {allowed && !status && (
        <Button size="small" disabled={busy} onClick={() => void nudge()} aria-label={texts.label}>
          {t.nudge}
        </Button>
      )}
      <ActionStatus status={status} inline />
    </>
  );
}
