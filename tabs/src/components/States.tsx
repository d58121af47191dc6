import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ApiResult } from '../api/client.ts';
import { useTabEnv } from '../tabContext.ts';

/** The states every page shares: loading, an error with a retry, not allowed, nothing to show. */

export function Loading({ label }: { label?: string }) {
  const { t } = useTabEnv();
  return <Spinner role="status" labelPosition="below" label={label ?? t.loading} />;
}

export function LoadFailed({
  result,
  retry,
}: {
  result: Extract<ApiResult<unknown>, { ok: false }>;
  retry: () => void;
}) {
  const { t } = useTabEnv();
  const body = result.code === 'unauthorized' ? t.signInFailed : t.errorBody;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {body}
        {result.correlationId && <Text block>{t.errorReference(result.correlationId)}</Text>}
        <div className="state-action">
          <Button appearance="primary" onClick={retry}>
            {t.retry}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({
  title,
  body,
  intent = 'info',
}: {
  title: string;
  body: string;
  intent?: 'info' | 'warning';
}) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What an action ended in, as the server decided it: one line, in the colour of its intent. */
export interface ActionOutcome {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/**
 * Where an action's outcome appears: a live region that is there before the outcome is, so screen
 * readers announce it when it arrives. `inline` for a place inside a line (a row, beside a button).
 */
export function ActionStatus({ status, inline = false }: { status?: ActionOutcome; inline?: boolean }) {
  const bar = status && (
    <MessageBar intent={status.intent}>
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
  return inline ? <span role="status">{bar}</span> : <div role="status">{bar}</div>;
}
