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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PersonDetailResponse } from '../../../src/http/tabs/contract.ts';
import { ListSection, TitledSection } from '../components/Sections.tsx';
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
        <TitledSection key={g.programId} id={`detail-${g.programId}`} title={g.title}>
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
        </TitledSection>
      ))}
      <ListSection
        id="check-ins"
        title={t.checkIns}
        empty={t.noCheckIns}
        items={data.checkIns}
        itemKey={(c) => `${c.programId}-${c.stepId}`}
        renderItem={(c) => (
          <>
            <Text weight="semibold">{c.question}</Text> {c.answer}
            {c.comment ? ` — ${c.comment}` : ''} ({formatDate(c.answeredAt)})
          </>
        )}
      />
      <ListSection
        id="reflections"
        title={t.reflections}
        empty={t.noReflections}
        items={data.reflections}
        itemKey={(r) => `${r.programId}-${r.stepId}`}
        renderItem={(r) => (
          <>
            <Text weight="semibold">{r.prompt}</Text> {r.text} ({formatDate(r.answeredAt)})
          </>
        )}
      />
      <TitledSection id="minutes" title={t.learningMinutes}>
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
      </TitledSection>
      <ListSection
        id="person-requests"
        title={t.pendingRequests}
        empty={t.noPendingRequests}
        items={data.learningTimeRequests}
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <>
            {t.requestFor(t.minutes(r.minutes), formatDate(r.date))} · {requestPurpose(r)} ·{' '}
            {requestStatusLabel(t, r)}
          </>
        )}
      />
    </>
  );
}
