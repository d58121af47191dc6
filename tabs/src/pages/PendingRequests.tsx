import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  LearningTimeDecisionBody,
  LearningTimeRequestResponse,
  LearningTimeRequestView,
} from '../../../src/http/tabs/contract.ts';
import { TitledSection } from '../components/Sections.tsx';
import { useTabEnv } from '../tabContext.ts';
import { requestPurpose } from './labels.ts';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'grid', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Pending learning-time requests of the manager's reports, each with approve and deny. */
export function PendingRequests({
  requests,
  changed,
}: {
  requests: LearningTimeRequestView[];
  changed: () => void;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  // Kept here, not on the item: a decided request leaves the list when the team reloads.
  const [announcement, announce] = useState<string>();
  return (
    <TitledSection id="pending-requests" title={t.pendingRequests}>
      <div role="status">
        {announcement && (
          <MessageBar intent="success">
            <MessageBarBody>{announcement}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {requests.length === 0 ? (
        <Text block>{t.noPendingRequests}</Text>
      ) : (
        <ul className={styles.list}>
          {requests.map((r) => (
            <li key={r.id}>
              <RequestItem request={r} changed={changed} announce={announce} />
            </li>
          ))}
        </ul>
      )}
    </TitledSection>
  );
}

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; text: string };

function RequestItem({
  request: r,
  changed,
  announce,
}: {
  request: LearningTimeRequestView;
  changed: () => void;
  announce: (text: string) => void;
}) {
  const { t, api, formatDate } = useTabEnv();
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const line = t.requestLine(r.requester.displayName, t.minutes(r.minutes), formatDate(r.date));
  const canDecide = r.actions.includes('decideRequest') && r.status === 'pending';
  const decide = async (decision: LearningTimeDecisionBody['decision']) => {
    setOutcome({ kind: 'busy' });
    const body: LearningTimeDecisionBody = {
      decision,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    const result = await api.post<LearningTimeRequestResponse>(
      `/learning-time-requests/${encodeURIComponent(r.id)}/decision`,
      body,
    );
    if (result.ok) {
      announce(`${line}: ${decision === 'approve' ? t.decisionApproved : t.decisionDenied}`);
      changed();
    } else if (result.code === 'conflict') {
      announce(t.decisionConflict);
      changed();
    } else {
      setOutcome({ kind: 'failed', text: t.actionFailed });
    }
  };
  return (
    <div className={styles.item} role="group" aria-label={line}>
      <Text weight="semibold">{line}</Text>
      {requestPurpose(r) && <Text>{requestPurpose(r)}</Text>}
      {canDecide && (
        <>
          <Field label={t.commentLabel}>
            <Input value={comment} maxLength={500} onChange={(_e, d) => setComment(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={outcome.kind === 'busy'}
              onClick={() => void decide('approve')}
            >
              {t.approve}
            </Button>
            <Button disabled={outcome.kind === 'busy'} onClick={() => void decide('deny')}>
              {t.deny}
            </Button>
          </div>
        </>
      )}
      {outcome.kind === 'failed' && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
