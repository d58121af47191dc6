import { useEffect } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PersonDetailResponse } from '../../../src/http/tabs/contract.ts';
import { Loading, LoadFailed, Notice } from '../components/States.tsx';
import { useApi } from '../components/useApi.ts';
import { useTabEnv } from '../tabContext.ts';
import { kindLabel, reachLabel, requestPurpose, requestStatusLabel, statusLabel } from './labels.ts';
import { PersonActions } from './PersonActions.tsx';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sub: { color: tokens.colorNeutralForeground2 },
});

/** One report in depth: programs step by step, check-in answers, shared reflections, learning time. */
export function PersonDetail({ personId, back }: { personId: string; back: () => void }) {
  const { t } = useTabEnv();
  const { value, reload } = useApi<PersonDetailResponse>(`/my-team/people/${encodeURIComponent(personId)}`);
  return (
    <>
      <div>
        <Button appearance="subtle" onClick={back}>
          {t.backToTeam}
        </Button>
      </div>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && value.result.code === 'forbidden' && (
        <Notice title={t.forbiddenTeamTitle} body={t.forbiddenTeamBody} />
      )}
      {value.state === 'failed' && value.result.code !== 'forbidden' && (
        <LoadFailed result={value.result} retry={reload} />
      )}
      {value.state === 'ready' && <PersonView data={value.data} />}
    </>
  );
}

function PersonView({ data }: { data: PersonDetailResponse }) {
  const { t, formatDate, formatMonth } = useTabEnv();
  const styles = useStyles();
  const p = data.person;
  // Opening a person is a new page to keyboard and screen reader users: put them at its heading.
  useEffect(() => document.getElementById('person-heading')?.focus(), [p.id]);
  return (
    <>
      <Title2 as="h1" tabIndex={-1} id="person-heading">
        {p.displayName}
      </Title2>
      <Text className={styles.sub}>
        {[p.jobTitle, p.department, p.depth === 1 ? t.directReport : t.indirectReport]
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        {t.colLastActivity}: {p.lastActivityAt ? formatDate(p.lastActivityAt) : t.never} · {t.colReach}:{' '}
        {reachLabel(t, p.reachability)}
      </Text>
      <PersonActions personId={p.id} actions={data.actions} />
      {data.programs.map((g) => (
        <section key={g.programId} aria-labelledby={`detail-${g.programId}`}>
          <Title3 as="h2" id={`detail-${g.programId}`}>
            {g.title}
          </Title3>
          <Text block>
            {g.mandatory ? t.mandatory : t.voluntary} · {statusLabel(t, g.status)} ·{' '}
            {t.stepsDone(g.completedSteps, g.totalSteps)}
          </Text>
          <ul className={styles.list}>
            {g.steps.map((s) => (
              <li key={s.stepId}>
                {kindLabel(t, s.kind)}: {s.title} —{' '}
                {s.status === 'done' && s.doneAt
                  ? t.completedOn(formatDate(s.doneAt))
                  : t.dueOn(formatDate(s.dueAt))}
                {s.lastScore !== undefined ? ` · ${Math.round(s.lastScore * 100)} %` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="check-ins">
        <Title3 as="h2" id="check-ins">
          {t.checkIns}
        </Title3>
        {data.checkIns.length === 0 ? (
          <Text block>{t.noCheckIns}</Text>
        ) : (
          <ul className={styles.list}>
            {data.checkIns.map((c) => (
              <li key={`${c.programId}-${c.stepId}`}>
                <Text weight="semibold">{c.question}</Text> {c.answer}
                {c.comment ? ` — ${c.comment}` : ''} ({formatDate(c.answeredAt)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="reflections">
        <Title3 as="h2" id="reflections">
          {t.reflections}
        </Title3>
        {data.reflections.length === 0 ? (
          <Text block>{t.noReflections}</Text>
        ) : (
          <ul className={styles.list}>
            {data.reflections.map((r) => (
              <li key={`${r.programId}-${r.stepId}`}>
                <Text weight="semibold">{r.prompt}</Text> {r.text} ({formatDate(r.answeredAt)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="minutes">
        <Title3 as="h2" id="minutes">
          {t.learningMinutes}
        </Title3>
        <Table aria-labelledby="minutes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.colMonth}</TableHeaderCell>
              <TableHeaderCell>{t.colApproved}</TableHeaderCell>
              <TableHeaderCell>{t.colSpent}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.learningMinutes.map((m) => (
              <TableRow key={m.month}>
                <TableCell>{formatMonth(m.month)}</TableCell>
                <TableCell>{t.minutes(m.approvedMinutes)}</TableCell>
                <TableCell>{t.minutes(m.spentMinutes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="person-requests">
        <Title3 as="h2" id="person-requests">
          {t.pendingRequests}
        </Title3>
        {data.learningTimeRequests.length === 0 ? (
          <Text block>{t.noPendingRequests}</Text>
        ) : (
          <ul className={styles.list}>
            {data.learningTimeRequests.map((r) => (
              <li key={r.id}>
                {t.requestFor(t.minutes(r.minutes), formatDate(r.date))} · {requestPurpose(r)} ·{' '}
                {requestStatusLabel(t, r)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
