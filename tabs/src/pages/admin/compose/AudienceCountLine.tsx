import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AudienceResolutionResponse } from '../../../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../../../tabContext.ts';
import type { AudienceCount } from './useAudienceCount.ts';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS },
  count: { fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto' },
});

/** How many people the audience reaches, and what in it matches nobody (read out as it changes). */
export function AudienceCountLine({ count }: { count: AudienceCount }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  return (
    <div className={styles.box} role="status" aria-live="polite" data-testid="audience-count">
      {count.state === 'counting' && <Spinner size="tiny" labelPosition="after" label={t.audienceCounting} />}
      {count.state === 'ready' && <Resolution resolution={count.resolution} />}
      {count.state === 'invalid' && <Text className={styles.warning}>{t.audienceInvalid}</Text>}
      {count.state === 'failed' && (
        <Text>
          {t.audienceCountFailed}{' '}
          <Button size="small" onClick={count.retry}>
            {t.retry}
          </Button>
        </Text>
      )}
    </div>
  );
}

export function Resolution({ resolution }: { resolution: AudienceResolutionResponse }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const more = resolution.unmatchedAddressCount - resolution.unmatchedAddresses.length;
  return (
    <>
      <Text className={styles.count}>{t.audienceCount(resolution.count)}</Text>
      {resolution.unmatchedAddressCount > 0 && (
        <>
          <Text className={styles.warning}>{t.audienceUnmatched(resolution.unmatchedAddressCount)}</Text>
          <ul className={styles.list} aria-label={t.audienceUnmatched(resolution.unmatchedAddressCount)}>
            {resolution.unmatchedAddresses.map((a) => (
              <li key={a}>{a}</li>
            ))}
            {more > 0 && <li>{t.audienceUnmatchedMore(more)}</li>}
          </ul>
        </>
      )}
      {resolution.unmatchedTerms.map((u) => (
        <Text key={u.term} className={styles.warning}>
          {u.suggestions.length > 0
            ? t.audienceTermUnmatchedSuggest(u.term, u.suggestions.join(', '))
            : t.audienceTermUnmatched(u.term)}
        </Text>
      ))}
    </>
  );
}
