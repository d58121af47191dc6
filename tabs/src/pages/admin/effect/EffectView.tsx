import { useState } from 'react';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import type { EffectResponse } from '../../../../../src/http/tabs/effect/contract.ts';
import { TitledSection } from '../../../components/Sections.tsx';
import { ActionStatus, LoadFailed, Loading, Notice } from '../../../components/States.tsx';
import { useApi } from '../../../components/useApi.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { defaultProgram, effectNumbers, involvementRows } from './effectFigures.ts';
import { useEffectStyles } from './effectStyles.ts';
import { InvolvementTable } from './InvolvementTable.tsx';
import { ProgramEffect } from './ProgramEffect.tsx';
import { saveDownload } from './saveDownload.ts';

type Outcome = { intent: 'success' | 'error'; text: string };

/**
 * The Admin tab's Effect view (HR): pick a program and see what it achieved, per program, department
 * and manager, as charts and as tables with the same figures; refresh the figures now; download them
 * as CSV through the authenticated API (a bare link would carry no token). Groups under the API's
 * smallest size show no figure, and say why.
 */
export function EffectView() {
  const { t, api, formatDateTime, language } = useTabEnv();
  const styles = useEffectStyles();
  const { value, reload } = useApi<EffectResponse>('/admin/effect');
  const [fresh, setFresh] = useState<EffectResponse>();
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const data = fresh ?? (value.state === 'ready' ? value.data : undefined);
  const programId = chosen ?? (data ? defaultProgram(data) : undefined);
  const program = data?.programs.find((p) => p.programId === programId);
  const involvement = data?.involvement
    ? involvementRows(data.involvement, t, effectNumbers(language, t.effectNone))
    : undefined;

  const refresh = async () => {
    setBusy(true);
    const result = await api.post<EffectResponse>('/admin/effect/refresh');
    setBusy(false);
    if (result.ok) setFresh(result.data);
    setOutcome(
      result.ok
        ? { intent: 'success', text: t.effectRefreshed }
        : { intent: 'error', text: t.effectRefreshFailed },
    );
  };
  const exportCsv = async () => {
    const result = await api.download('/admin/effect/export.csv');
    if (!result.ok) {
      setOutcome({ intent: 'error', text: t.exportFailed });
      return;
    }
    const name = saveDownload(result.data, 'drypp-effect.csv');
    setOutcome({ intent: 'success', text: t.exportDone(name) });
  };

  return (
    <TitledSection id="admin-effect" title={t.adminEffect}>
      <Text block>{t.effectIntro}</Text>
      {value.state === 'loading' && !fresh && <Loading />}
      {value.state === 'failed' && !fresh && <LoadFailed result={value.result} retry={reload} />}
      {data && (
        <div className={styles.stack}>
          <div className={styles.toolbar}>
            {data.programs.length > 0 && (
              <Field label={t.effectProgram}>
                <Select value={programId} onChange={(_e, d) => setChosen(d.value)}>
                  {data.programs.map((p) => (
                    <option key={p.programId} value={p.programId}>
                      {p.title}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Button disabled={busy} onClick={() => void refresh()}>
              {t.effectRefresh}
            </Button>
            {data.actions.includes('export') && data.programs.length > 0 && (
              <Button onClick={() => void exportCsv()}>{t.effectDownloadCsv}</Button>
            )}
          </div>
          <ActionStatus status={outcome} inline />
          {data.at ? (
            <Text block className={styles.sub} data-testid="effect-at">
              {t.effectAt(formatDateTime(data.at))}
            </Text>
          ) : (
            <Notice title={t.effectNotYet} body={t.effectNotYetBody} />
          )}
          {data.at && data.programs.length === 0 && <Text block>{t.effectNoPrograms}</Text>}
          {program && (
            <>
              <Notice title={t.effectPrivacyTitle} body={t.effectPrivacyBody(data.minGroupSize)} />
              <ProgramEffect key={program.programId} program={program} minGroupSize={data.minGroupSize} />
            </>
          )}
          {data.at && (
            // Nudges name no program: manager involvement is shown for all programs together.
            <section aria-labelledby="effect-involvement">
              <Text as="h3" id="effect-involvement" weight="semibold" size={400} block>
                {t.effectInvolvementTitle}
              </Text>
              <Text block className={styles.sub}>
                {t.effectInvolvementIntro}
              </Text>
              {involvement ? (
                <InvolvementTable
                  id="effect-involvement-table"
                  caption={t.effectInvolvementTitle}
                  {...involvement}
                  minGroupSize={data.minGroupSize}
                />
              ) : (
                <Text block>{t.effectInvolvementNotYet}</Text>
              )}
            </section>
          )}
        </div>
      )}
    </TitledSection>
  );
}
