import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamAcknowledgementsResponse, TeamGuidelineView } from '../../../src/http/tabs/contract.ts';
import { NudgeButton } from '../components/NudgeButton.tsx';
import { TitledSection } from '../components/Sections.tsx';
import { Loading, LoadFailed } from '../components/States.tsx';
import { useApi } from '../components/useApi.ts';
import { useTabEnv } from '../tabContext.ts';

const useStyles = makeStyles({
  guidelines: { display: 'grid', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  people: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  person: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  sub: { color: tokens.colorNeutralForeground2 },
});

type Person = TeamGuidelineView['notAcknowledged'][number];

/** Guidelines HR sent that the manager's people have not acknowledged yet, with a reminder per person. */
export function TeamAcknowledgements() {
  const { t } = useTabEnv();
  const styles = useStyles();
  const { value, reload } = useApi<TeamAcknowledgementsResponse>('/my-team/acknowledgements');
  // A manager whose people have nothing to acknowledge sees nothing here: the page stays about them.
  if (value.state === 'ready' && value.data.guidelines.length === 0) return null;
  if (value.state === 'failed' && value.result.code === 'forbidden') return null;
  return (
    <TitledSection id="team-acknowledgements" title={t.teamAcksTitle}>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && (
        <ul className={styles.guidelines} data-testid="team-acknowledgements">
          {value.data.guidelines.map((g) => (
            <li key={g.broadcastId}>
              <Guideline guideline={g} />
            </li>
          ))}
        </ul>
      )}
    </TitledSection>
  );
}

function Guideline({ guideline: g }: { guideline: TeamGuidelineView }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  const id = `team-ack-${g.broadcastId}`;
  return (
    <section aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" size={400} block>
        {g.title}
      </Text>
      <Text block className={styles.sub}>
        {[
          t.teamAcksCount(g.acknowledged, g.recipients),
          g.dueDate ? t.dueBy(formatDate(g.dueDate)) : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {g.notAcknowledged.length === 0 ? (
        <Text block>{t.teamAcksAllDone}</Text>
      ) : (
        <ul className={styles.people} aria-label={t.teamAcksMissing(g.title)}>
          {g.notAcknowledged.map((p) => (
            <li key={p.personId}>
              <PersonLine broadcastId={g.broadcastId} person={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonLine({ broadcastId, person: p }: { broadcastId: string; person: Person }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  return (
    <div className={styles.person}>
      <Text>{p.displayName}</Text>
      <Text size={200} className={styles.sub}>
        {p.deliveredAt ? t.teamAckDelivered(formatDate(p.deliveredAt)) : t.teamAckNotDelivered}
        {p.remindersSent > 0 && ` · ${t.teamAckReminders(p.remindersSent)}`}
      </Text>
      <NudgeButton
        path={`/my-team/acknowledgements/${encodeURIComponent(broadcastId)}/people/${encodeURIComponent(p.personId)}/nudge`}
        allowed={p.actions.includes('nudgeAcknowledgement')}
        texts={{
          label: t.teamAckNudgeFor(p.displayName),
          sent: t.teamAckNudged(p.displayName),
          tooSoon: t.teamAckTooSoon,
          nothingToDo: t.teamAckAlready(p.displayName),
        }}
      />
    </div>
  );
}
