import {
  Badge,
  Card,
  CardHeader,
  ProgressBar,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  MyLearningResponse,
  ProgramProgressView,
  RolePathView,
  StepItemView,
} from '../../../src/http/tabs/contract.ts';
import { ListSection } from '../components/Sections.tsx';
import { Loading, LoadFailed, Notice } from '../components/States.tsx';
import { useApi } from '../components/useApi.ts';
import { useTabEnv } from '../tabContext.ts';
import { RequestLearningTime } from './RequestLearningTime.tsx';
import { kindLabel, requestPurpose, requestStatusLabel, requirementLabel, statusLabel } from './labels.ts';

const useStyles = makeStyles({
  programs: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  path: { marginBottom: tokens.spacingVerticalL },
});

const requirementColor = {
  required: 'informative',
  due: 'brand',
  overdue: 'danger',
  done: 'success',
  expiring: 'warning',
  expired: 'danger',
} as const;

/** My learning: the person's programs with progress, what is due and overdue, and their requests. */
export function MyLearning() {
  const { t } = useTabEnv();
  const { value, reload } = useApi<MyLearningResponse>('/my-learning');
  return (
    <>
      <Title2 as="h1">{t.tabMyLearning}</Title2>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && <MyLearningView data={value.data} reload={reload} />}
    </>
  );
}

function MyLearningView({ data, reload }: { data: MyLearningResponse; reload: () => void }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  return (
    <>
      {data.paths.map((path) => (
        <RolePathCard key={path.id} path={path} />
      ))}
      {data.programs.length === 0 ? (
        <Notice title={t.myLearningEmptyTitle} body={t.myLearningEmptyBody} />
      ) : (
        <section aria-label={t.tabMyLearning} className={styles.programs}>
          {data.programs.map((p) => (
            <ProgramCard key={p.programId} program={p} />
          ))}
        </section>
      )}
      <ListSection
        id="my-requests"
        title={t.myRequests}
        empty={t.noRequests}
        items={data.learningTimeRequests}
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <Text>
            {t.requestFor(t.minutes(r.minutes), formatDate(r.date))} · {requestPurpose(r)} ·{' '}
            <strong>{requestStatusLabel(t, r)}</strong>
          </Text>
        )}
      />
      {data.actions.includes('requestLearningTime') && (
        <RequestLearningTime programs={data.programs} today={data.today} sent={reload} />
      )}
    </>
  );
}

/** A path of the person's role: each requirement with where it stands (done, due, expiring…). */
function RolePathCard({ path }: { path: RolePathView }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  const headingId = `path-${path.id}`;
  return (
    <Card role="region" aria-labelledby={headingId} className={styles.path}>
      <CardHeader
        header={
          <Title3 as="h2" id={headingId}>
            {t.pathTitle(path.title)}
          </Title3>
        }
        description={<Text>{t.pathIntro}</Text>}
      />
      <ul className={styles.steps}>
        {path.requirements.map((r) => (
          <li key={`${r.kind}-${r.id}`}>
            {r.kind === 'program' ? t.pathProgram : t.pathCertification}: {r.title}{' '}
            <Badge appearance="tint" color={requirementColor[r.status]}>
              {requirementLabel(t, r.status)}
            </Badge>
            {r.dueAt && ` ${t.dueOn(formatDate(r.dueAt))}`}
            {r.validUntil && ` ${t.validUntil(formatDate(r.validUntil))}`}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ProgramCard({ program: p }: { program: ProgramProgressView }) {
  const { t, formatDate } = useTabEnv();
  const headingId = `program-${p.programId}`;
  return (
    <Card role="article" aria-labelledby={headingId}>
      <CardHeader
        header={
          <Title3 as="h2" id={headingId}>
            {p.title}
          </Title3>
        }
        description={
          <span>
            <Badge appearance="tint" color={p.mandatory ? 'important' : 'informative'}>
              {p.mandatory ? t.mandatory : t.voluntary}
            </Badge>{' '}
            <Badge appearance="outline" color={p.status === 'completed' ? 'success' : 'brand'}>
              {statusLabel(t, p.status)}
            </Badge>
          </span>
        }
      />
      <ProgressBar
        value={p.totalSteps === 0 ? 0 : p.completedSteps / p.totalSteps}
        thickness="large"
        aria-label={t.stepsDone(p.completedSteps, p.totalSteps)}
      />
      <Text>{t.stepsDone(p.completedSteps, p.totalSteps)}</Text>
      {p.recognisedParts.length > 0 && (
        <Text>{t.recognisedByTest(p.recognisedParts.map((part) => part.title).join(', '))}</Text>
      )}
      {p.completedAt && <Text>{t.completedOn(formatDate(p.completedAt))}</Text>}
      {!p.completedAt && p.nextDueAt && <Text>{t.nextDue(formatDate(p.nextDueAt))}</Text>}
      {p.overdue.length > 0 && <StepList title={t.overdue} steps={p.overdue} overdue />}
      {p.due.length > 0 && <StepList title={t.dueSoon} steps={p.due} />}
    </Card>
  );
}

function StepList({ title, steps, overdue }: { title: string; steps: StepItemView[]; overdue?: boolean }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  return (
    <div>
      <Text weight="semibold" className={overdue ? styles.overdue : undefined}>
        {title}
      </Text>
      <ul className={styles.steps}>
        {steps.map((s) => (
          <li key={s.stepId}>
            {kindLabel(t, s.kind)}: {s.title} ({t.minutes(s.minutes)}, {t.dueOn(formatDate(s.dueAt))}
            {s.optional ? `, ${t.optional}` : ''})
          </li>
        ))}
      </ul>
    </div>
  );
}
