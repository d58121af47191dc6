import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CertificateCountsView } from '../../../../src/http/tabs/certificates/contract.ts';
import { useTabEnv } from '../../tabContext.ts';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'grid' },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Valid, window open, expiring within 30/60/90 days, expired, not yet: the figures at a glance. */
export function CertificateCounts({ counts }: { counts: CertificateCountsView }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const items: Array<[string, string, number]> = [
    ['valid', t.certCountValid, counts.valid],
    ['windowOpen', t.certCountWindowOpen, counts.windowOpen],
    ['expiring30', t.certCountExpiring(30), counts.expiring30],
    ['expiring60', t.certCountExpiring(60), counts.expiring60],
    ['expiring90', t.certCountExpiring(90), counts.expiring90],
    ['expired', t.certCountExpired, counts.expired],
    ['notYet', t.certCountNotYet, counts.assigned + counts.overdue],
  ];
  return (
    <ul className={styles.list} aria-label={t.certSummary}>
      {items.map(([key, label, n]) => (
        <li key={key} className={styles.item} data-testid={`cert-count-${key}`}>
          <Text className={styles.figure}>{n}</Text>
          <Text size={200}>{label}</Text>
        </li>
      ))}
    </ul>
  );
}
