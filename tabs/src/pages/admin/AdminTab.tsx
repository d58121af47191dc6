import { Suspense, lazy, useState } from 'react';
import { Button, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type {
  BroadcastDetailView,
  BroadcastListResponse,
  MeResponse,
} from '../../../../src/http/tabs/contract.ts';
import { TitledSection } from '../../components/Sections.tsx';
import { Loading, LoadFailed, Notice } from '../../components/States.tsx';
import { useApi } from '../../components/useApi.ts';
import { useTabEnv } from '../../tabContext.ts';
import { BroadcastDetail } from './broadcasts/BroadcastDetail.tsx';
import { BroadcastList } from './broadcasts/BroadcastList.tsx';
import { ComposeGuideline } from './compose/ComposeGuideline.tsx';
import { CorrectGuideline } from './compose/CorrectGuideline.tsx';
import { emptyCompose, type ComposeForm } from './compose/draft.ts';
import { usePolled } from './usePolled.ts';
import { OrganisationCertificates } from '../certificates/OrganisationCertificates.tsx';
import { PrivacySection } from './privacy/PrivacySection.tsx';

// The Effect view is its own chunk: most visits to the Admin tab are about guidelines.
const EffectView = lazy(() => import('./effect/EffectView.tsx').then((m) => ({ default: m.EffectView })));

/** While a send is under way or scheduled, the list follows it. */
export const LIST_POLL_MS = 5000;

type Place =
  | { at: 'list' }
  | { at: 'compose' }
  | { at: 'certificates' }
  | { at: 'effect' }
  | { at: 'privacy' }
  | { at: 'detail'; id: string; notice?: string }
  | { at: 'correct'; broadcast: BroadcastDetailView };

const followUp = (data: BroadcastListResponse) =>
  data.broadcasts.some((b) => b.status === 'sending' || b.status === 'scheduled');

/**
 * The Admin tab (HR admins; the server decides who is one): the broadcasts sent so far with their
 * progress, a broadcast's detail, and the compose form for a new guideline. The form is kept here,
 * so moving between the two tabs of the page loses nothing typed.
 */
export default function AdminTab() {
  const { t } = useTabEnv();
  const { value, reload } = useApi<MeResponse>('/me');
  return (
    <>
      <Title2 as="h1">{t.tabAdmin}</Title2>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && !value.data.actions.includes('viewAdmin') && <Forbidden />}
      {value.state === 'ready' && value.data.actions.includes('viewAdmin') && <Broadcasts />}
    </>
  );
}

function Forbidden() {
  const { t } = useTabEnv();
  return <Notice title={t.forbiddenAdminTitle} body={t.forbiddenAdminBody} />;
}

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function Broadcasts() {
  const { t, language } = useTabEnv();
  const styles = useStyles();
  const list = usePolled<BroadcastListResponse>('/admin/broadcasts', LIST_POLL_MS, followUp);
  const [place, setPlace] = useState<Place>({ at: 'list' });
  const [form, setForm] = useState<ComposeForm>(() => emptyCompose(language));
  const section =
    place.at === 'compose' || place.at === 'certificates' || place.at === 'effect' || place.at === 'privacy'
      ? place.at
      : 'broadcasts';

  // The role can be taken away while the tab is open: the server's answer decides.
  if (list.value.state === 'failed' && list.value.result.code === 'forbidden') return <Forbidden />;

  return (
    <>
      {/* The places, as buttons in a nav rather than a Fluent TabList: its arrow-key focus helpers are
          aria-hidden focusable elements that accessibility checkers (rightly) flag. */}
      <nav aria-label={t.tabAdmin} className={styles.nav}>
        <Button
          appearance={section === 'broadcasts' ? 'primary' : 'secondary'}
          aria-current={section === 'broadcasts' ? 'page' : undefined}
          onClick={() => setPlace({ at: 'list' })}
        >
          {t.adminBroadcasts}
        </Button>
        <Button
          appearance={section === 'compose' ? 'primary' : 'secondary'}
          aria-current={section === 'compose' ? 'page' : undefined}
          onClick={() => setPlace({ at: 'compose' })}
        >
          {t.composeNew}
        </Button>
        <Button
          appearance={section === 'certificates' ? 'primary' : 'secondary'}
          aria-current={section === 'certificates' ? 'page' : undefined}
          onClick={() => setPlace({ at: 'certificates' })}
        >
          {t.adminCertificates}
        </Button>
        <Button
          appearance={section === 'effect' ? 'primary' : 'secondary'}
          aria-current={section === 'effect' ? 'page' : undefined}
          onClick={() => setPlace({ at: 'effect' })}
        >
          {t.adminEffect}
        </Button>
        <Button
          appearance={section === 'privacy' ? 'primary' : 'secondary'}
          aria-current={section === 'privacy' ? 'page' : undefined}
          onClick={() => setPlace({ at: 'privacy' })}
        >
          {t.adminPrivacy}
        </Button>
      </nav>
      <div className="tab-main-panel">
        {place.at === 'certificates' && <OrganisationCertificates />}
        {place.at === 'effect' && (
          <Suspense fallback={<Loading />}>
            <EffectView />
          </Suspense>
        )}
        {place.at === 'privacy' && <PrivacySection />}
        {place.at === 'compose' && (
          <ComposeGuideline
            form={form}
            change={setForm}
            created={(id, how) => {
              setForm(emptyCompose(language));
              list.reload();
              setPlace({ at: 'detail', id, notice: t.createdNotice(how) });
            }}
          />
        )}
        {place.at === 'list' && (
          <TitledSection id="admin-broadcasts" title={t.adminBroadcasts}>
            {list.value.state === 'loading' && <Loading />}
            {list.value.state === 'failed' && <LoadFailed result={list.value.result} retry={list.reload} />}
            {list.value.state === 'ready' && (
              <BroadcastList
                broadcasts={list.value.data.broadcasts}
                open={(id) => setPlace({ at: 'detail', id })}
                compose={() => setPlace({ at: 'compose' })}
              />
            )}
          </TitledSection>
        )}
        {place.at === 'detail' && (
          <BroadcastDetail
            id={place.id}
            notice={place.notice}
            back={() => setPlace({ at: 'list' })}
            correct={(broadcast) => setPlace({ at: 'correct', broadcast })}
            changed={list.reload}
          />
        )}
        {place.at === 'correct' && (
          <CorrectGuideline
            broadcast={place.broadcast}
            back={() => setPlace({ at: 'detail', id: place.broadcast.id })}
            corrected={(version) => {
              list.reload();
              setPlace({ at: 'detail', id: place.broadcast.id, notice: t.correctedNotice(version) });
            }}
          />
        )}
      </div>
    </>
  );
}
