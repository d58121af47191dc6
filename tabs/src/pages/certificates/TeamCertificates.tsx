import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type {
  TeamCertificatePersonView,
  TeamCertificatesResponse,
} from '../../../../src/http/tabs/certificates/contract.ts';
import { NudgeButton } from '../../components/NudgeButton.tsx';
import { TitledSection } from '../../components/Sections.tsx';
import { Loading, LoadFailed } from '../../components/States.tsx';
import { useApi } from '../../components/useApi.ts';
import { useTabEnv } from '../../tabContext.ts';
import { CertificateCounts } from './CertificateCounts.tsx';
import { certificateLine, statusColor } from './certificateText.ts';

const useStyles = makeStyles({
  people: { display: 'grid', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  certificates: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  sub: { color: tokens.colorNeutralForeground2 },
});

/**
 * My team's certificates: each of the manager's people who holds or must hold one, most urgent
 * first, with where it stands and My team's nudge (one per person per week, the server decides).
 */
export function TeamCertificates() {
  const { t } = useTabEnv();
  const styles = useStyles();
  const { value, reload } = useApi<TeamCertificatesResponse>('/my-team/certificates');
  if (value.state === 'ready' && value.data.people.length === 0) return null;
  if (value.state === 'failed' && value.result.code === 'forbidden') return null;
  return (
    <TitledSection id="team-certificates" title={t.certTitle}>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && (
        <>
          <CertificateCounts counts={value.data.counts} />
          <ul className={styles.people} data-testid="team-certificates">
            {value.data.people.map((p) => (
              <li key={p.id}>
                <PersonCertificates person={p} />
              </li>
            ))}
          </ul>
        </>
      )}
    </TitledSection>
  );
}

function PersonCertificates({ person: p }: { person: TeamCertificatePersonView }) {
  const { t, formatDate } = useTabEnv();
  const styles = useStyles();
  const id = `team-cert-${p.id}`;
  const needsRenewal = p.certificates.some((c) => c.status !== 'certified' || c.expiresWithin !== undefined);
  return (
    <section aria-labelledby={id}>
      <div className={styles.line}>
        <Text as="h3" id={id} weight="semibold">
          {p.displayName}
        </Text>
        {p.jobTitle && (
          <Text size={200} className={styles.sub}>
            {p.jobTitle}
          </Text>
        )}
        <NudgeButton
          path={`/my-team/people/${encodeURIComponent(p.id)}/nudge`}
          allowed={p.actions.includes('nudge') && needsRenewal}
          texts={{ label: t.certNudgeFor(p.displayName), sent: t.nudgeSent, tooSoon: t.nudgeTooSoon }}
        />
      </div>
      <ul className={styles.certificates}>
        {p.certificates.map((c) => (
          <li key={c.certificationId} className={styles.line}>
            <Text>{c.title}</Text>
            <Badge appearance="tint" color={statusColor(c)}>
              {t.certStatus(c.status)}
            </Badge>
            <Text size={200} className={styles.sub}>
              {certificateLine(t, c, formatDate)}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
