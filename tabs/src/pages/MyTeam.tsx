import { Suspense, lazy, useState } from 'react';
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
import type { MyTeamResponse, NeedsYouItem, TeamMemberView } from '../../../src/http/tabs/contract.ts';
import type { Messages } from '../messages/index.ts';
import { ChartBoundary } from '../components/ChartBoundary.tsx';
import { ListSection, TitledSection } from '../components/Sections.tsx';
import { Loading, LoadFailed, Notice } from '../components/States.tsx';
import { useApi } from '../components/useApi.ts';
import { useTabEnv } from '../tabContext.ts';
import { reachLabel } from './labels.ts';
import { PendingRequests } from './PendingRequests.tsx';
import { PersonDetail } from './PersonDetail.tsx';
import { TeamAcknowledgements } from './TeamAcknowledgements.tsx';
import { TeamCertificates } from './certificates/TeamCertificates.tsx';
import { SessionAttendance } from './sessions/SessionAttendance.tsx';

// The chart library is large; it loads after the list of people is on screen.
const TeamActivityChart = lazy(() => import('./TeamActivityChart.tsx'));

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground2 },
  chart: { minHeight: '260px' },
});

/** My team (managers): who needs you, requests to decide, each person's progress, and the team's activity. */
export function MyTeam() {
  const { t } = useTabEnv();
  const { value, reload } = useApi<MyTeamResponse>('/my-team');
  const [personId, setPersonId] = useState<string>();
  if (personId) return <PersonDetail personId={personId} back={() => setPersonId(undefined)} />;
  return (
    <>
      <Title2 as="h1">{t.tabMyTeam}</Title2>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && value.result.code === 'forbidden' && (
        <Notice title={t.forbiddenTeamTitle} body={t.forbiddenTeamBody} />
      )}
      {value.state === 'failed' && value.result.code !== 'forbidden' && (
        <LoadFailed result={value.result} retry={reload} />
      )}
      {value.state === 'ready' && value.data.people.length === 0 && (
        <Notice title={t.teamEmptyTitle} body={t.teamEmptyBody} />
      )}
      {value.state === 'ready' && value.data.people.length > 0 && (
        <TeamView data={value.data} open={setPersonId} reload={reload} />
      )}
      {/* Instructors mark attendance here too, with or without a team of their own. */}
      {value.state !== 'loading' && <SessionAttendance />}
    </>
  );
}

function TeamView({
  data,
  open,
  reload,
}: {
  data: MyTeamResponse;
  open: (id: string) => void;
  reload: () => void;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  return (
    <>
      <ListSection
        id="needs-you"
        title={t.needsYou}
        empty={t.needsYouEmpty}
        items={data.needsYou}
        itemKey={(item) => `${item.personId}-${item.reason}-${item.requestId ?? item.stepId ?? ''}`}
        renderItem={(item) => <NeedsYouLine item={item} />}
      />
      <PendingRequests requests={data.pendingRequests} changed={reload} />
      <TeamAcknowledgements />
      <TeamCertificates />
      <TitledSection id="people" title={t.people}>
        <PeopleTable people={data.people} open={open} />
      </TitledSection>
      <TitledSection id="activity" title={t.weeklyActivity} className={styles.chart}>
        <ChartBoundary fallback={<Text block>{t.chartFailed}</Text>}>
          <Suspense fallback={<Loading label={t.chartLoading} />}>
            <TeamActivityChart points={data.weeklyActivity} />
          </Suspense>
        </ChartBoundary>
      </TitledSection>
    </>
  );
}

function needsYouText(t: Messages, item: NeedsYouItem, formatDate: (iso: string) => string): string {
  switch (item.reason) {
    case 'overdueMandatory':
      return t.reasonOverdueMandatory(item.displayName, item.programTitle ?? '', item.count ?? 1);
    case 'inactive14d':
      return item.since
        ? t.reasonInactive(item.displayName, formatDate(item.since))
        : t.reasonInactiveNever(item.displayName);
    case 'quizFailedTwice':
      return t.reasonQuizFailedTwice(item.displayName, item.stepTitle ?? '');
    case 'pendingRequest':
      return t.reasonPendingRequest(item.displayName);
  }
}

function NeedsYouLine({ item }: { item: NeedsYouItem }) {
  const { t, formatDate } = useTabEnv();
  return <Text>{needsYouText(t, item, formatDate)}</Text>;
}

function PeopleTable({ people, open }: { people: TeamMemberView[]; open: (id: string) => void }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  return (
    <Table aria-labelledby="people" data-testid="team-people">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.colName}</TableHeaderCell>
          <TableHeaderCell>{t.colPrograms}</TableHeaderCell>
          <TableHeaderCell>{t.colOverdue}</TableHeaderCell>
          <TableHeaderCell>{t.colLastActivity}</TableHeaderCell>
          <TableHeaderCell>{t.colReach}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {people.map((p) => (
          <TableRow key={p.id}>
            <TableCell>
              {p.actions.includes('viewPerson') ? (
                <Button
                  appearance="transparent"
                  onClick={() => open(p.id)}
                  aria-label={t.viewPerson(p.displayName)}
                >
                  {p.displayName}
                </Button>
              ) : (
                <Text weight="semibold">{p.displayName}</Text>
              )}
              <Text block size={200} className={styles.sub}>
                {[p.jobTitle, p.depth === 1 ? t.directReport : t.indirectReport].filter(Boolean).join(' · ')}
              </Text>
            </TableCell>
            <TableCell>
              {p.programs.length === 0
                ? t.noPrograms
                : p.programs.map((g) => (
                    <Text block key={g.programId}>
                      {t.programProgress(g.title, g.completedSteps, g.totalSteps)}
                    </Text>
                  ))}
            </TableCell>
            <TableCell>
              <Text className={p.overdueMandatoryCount > 0 ? styles.overdue : undefined}>
                {p.overdueMandatoryCount}
              </Text>
            </TableCell>
            <TableCell>{p.lastActivityAt ? formatDate(p.lastActivityAt) : t.never}</TableCell>
            <TableCell>{reachLabel(t, p.reachability)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
