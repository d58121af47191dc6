import { Suspense, lazy, useEffect, useState } from 'react';
import { Button, Select, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import type {
  BroadcastLanguage,
  BroadcastPreviewResponse,
  GuidelineDraftBody,
} from '../../../../../src/http/tabs/contract.ts';
import { ChartBoundary } from '../../../components/ChartBoundary.tsx';
import { Loading } from '../../../components/States.tsx';
import { useTabEnv } from '../../../tabContext.ts';

// The renderer is heavy; it loads when a card is there to show, never for the first screen.
const AdaptiveCardView = lazy(() => import('./AdaptiveCardView.tsx'));

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS, alignContent: 'start' },
  narrow: { maxWidth: '220px' },
});

/** How long editing must pause before the preview is asked for again. */
const PREVIEW_PAUSE_MS = 600;

type PreviewState =
  | { state: 'waiting' }
  | { state: 'loading'; cards?: BroadcastPreviewResponse['cards'] }
  | { state: 'ready'; cards: BroadcastPreviewResponse['cards'] }
  | { state: 'invalid' }
  | { state: 'failed' };

/**
 * The real card: the server builds it from the draft exactly as the bot sends it, and the page draws
 * it with the `adaptivecards` renderer. `draft` is undefined while the form cannot make one yet.
 */
export function CardPreview({ draft }: { draft: GuidelineDraftBody | undefined }) {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const [preview, setPreview] = useState<PreviewState>({ state: 'waiting' });
  const [round, setRound] = useState(0);
  const languages = draft ? (Object.keys(draft.variants) as BroadcastLanguage[]) : [];
  const [language, setLanguage] = useState<BroadcastLanguage>();
  const key = draft ? JSON.stringify(draft) : '';

  useEffect(() => {
    if (!key) {
      setPreview({ state: 'waiting' });
      return;
    }
    let current = true;
    setPreview((p) => ({ state: 'loading', cards: p.state === 'ready' ? p.cards : undefined }));
    const timer = setTimeout(() => {
      void api.post<BroadcastPreviewResponse>('/admin/broadcasts/preview', JSON.parse(key)).then((result) => {
        if (!current) return;
        if (result.ok) setPreview({ state: 'ready', cards: result.data.cards });
        else setPreview({ state: result.code === 'invalid' ? 'invalid' : 'failed' });
      });
    }, PREVIEW_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, round]);

  const cards = preview.state === 'ready' || preview.state === 'loading' ? preview.cards : undefined;
  const shown = language && languages.includes(language) ? language : draft?.defaultLanguage;
  const card = cards?.find((c) => c.language === shown) ?? cards?.[0];

  return (
    <div className={styles.box}>
      {languages.length > 1 && (
        <Field label={t.previewLanguage}>
          <Select
            className={styles.narrow}
            value={shown}
            onChange={(_e, d) => setLanguage(d.value as BroadcastLanguage)}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {t.languageName(l)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {preview.state === 'waiting' && <Text block>{t.previewWaiting}</Text>}
      {preview.state === 'invalid' && <Text block>{t.previewInvalid}</Text>}
      {preview.state === 'failed' && (
        <Text block>
          {t.previewFailed}{' '}
          <Button size="small" onClick={() => setRound((r) => r + 1)}>
            {t.retry}
          </Button>
        </Text>
      )}
      {preview.state === 'loading' && !card && <Loading label={t.previewLoading} />}
      {card && (
        <ChartBoundary fallback={<Text block>{t.previewBroken}</Text>}>
          <Suspense fallback={<Loading label={t.previewLoading} />}>
            <AdaptiveCardView card={card.card} label={t.previewCardLabel(t.languageName(card.language))} />
          </Suspense>
        </ChartBoundary>
      )}
    </div>
  );
}
