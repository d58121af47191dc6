import { useMemo, useRef, useState } from 'react';
import { Button, Field, Text, Textarea, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type {
  BroadcastCorrectionBody,
  BroadcastDetailResponse,
  BroadcastDetailView,
} from '../../../../../src/http/tabs/contract.ts';
import { TitledSection } from '../../../components/Sections.tsx';
import { useTabEnv } from '../../../tabContext.ts';
import { ConfirmDialog, dialogClosed } from '../ConfirmDialog.tsx';
import { CardPreview } from '../preview/CardPreview.tsx';
import { CHANGE_NOTE_MAX, guidelineFormOf, toDraftBody, type GuidelineForm } from './draft.ts';
import { FailureBar } from './ComposeGuideline.tsx';
import { GuidelineFields } from './GuidelineFields.tsx';
import { problemText } from './problemText.ts';
import { serverProblems, todayHere, type SubmitFailure } from './submit.ts';
import { changeNoteProblem, guidelineProblems, hasProblems, type Problems } from './validate.ts';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * A correction of a sent guideline: the same fields, prefilled, and a note on what changed. The card
 * is updated in place in every chat; where acknowledgement is required, everyone is asked again.
 */
export function CorrectGuideline({
  broadcast,
  back,
  corrected,
}: {
  broadcast: BroadcastDetailView;
  back: () => void;
  corrected: (version: number) => void;
}) {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const [form, setForm] = useState<GuidelineForm>(() =>
    guidelineFormOf(broadcast.draft, broadcast.reminders),
  );
  const [note, setNote] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [refused, setRefused] = useState<Problems>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure>();
  const formRef = useRef<HTMLFormElement>(null);

  const local: Problems = { ...guidelineProblems(form, todayHere()) };
  const noteProblem = changeNoteProblem(note);
  if (noteProblem) local.changeNote = noteProblem;
  const problems = showProblems ? { ...refused, ...local } : refused;
  const draft = useMemo(
    () => (hasProblems(guidelineProblems(form, todayHere())) ? undefined : toDraftBody(form)),
    [form],
  );

  const submit = async () => {
    setConfirming(false);
    const body: BroadcastCorrectionBody = { draft: toDraftBody(form), changeNote: note.trim() };
    setBusy(true);
    setFailure(undefined);
    const result = await api.post<BroadcastDetailResponse>(
      `/admin/broadcasts/${encodeURIComponent(broadcast.id)}/corrections`,
      body,
    );
    setBusy(false);
    if (result.ok) {
      await dialogClosed();
      corrected(result.data.broadcast.version);
    }
    if (result.ok) return;
    if (result.code === 'invalid') {
      const fields = serverProblems(result.body?.error.issues);
      setRefused(fields);
      setShowProblems(true);
      setFailure({ kind: hasProblems(fields) ? 'invalid' : 'refused' });
    } else if (result.code === 'forbidden') setFailure({ kind: 'forbidden' });
    else setFailure({ kind: 'failed', retry: () => void submit(), correlationId: result.correlationId });
  };

  const trySubmit = () => {
    setShowProblems(true);
    if (hasProblems(local)) {
      setFailure({ kind: 'invalid' });
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setConfirming(true);
  };

  return (
    <>
      <div>
        <Button onClick={back}>{t.backToBroadcast}</Button>
      </div>
      <Title2 as="h2">{t.correctTitle(broadcast.title)}</Title2>
      <Text block>{broadcast.requiresAcknowledgement ? t.correctIntroAck : t.correctIntro}</Text>
      <form
        ref={formRef}
        className={styles.layout}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          trySubmit();
        }}
      >
        <div className={styles.column}>
          <GuidelineFields
            form={form}
            change={(next) => {
              setRefused({});
              setForm(next);
            }}
            problems={problems}
            idPrefix="correct"
          />
          <Field
            label={t.changeNote}
            hint={t.changeNoteHint(note.length, CHANGE_NOTE_MAX)}
            required
            {...(problems.changeNote
              ? {
                  validationState: 'error' as const,
                  validationMessage: problemText(t, 'changeNote', problems.changeNote),
                }
              : {})}
          >
            <Textarea value={note} rows={2} onChange={(_e, d) => setNote(d.value)} />
          </Field>
          <div role="alert">{failure && <FailureBar failure={failure} resend={() => void submit()} />}</div>
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t.correctSend}
            </Button>
            {busy && <Text>{t.working}</Text>}
          </div>
        </div>
        <TitledSection id="correct-preview" title={t.previewTitle}>
          <CardPreview draft={draft} />
        </TitledSection>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t.confirmCorrectTitle}
        body={t.confirmCorrectBody(broadcast.progress.sent)}
        confirm={t.correctSend}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
