import { useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  AudienceResolutionResponse,
  BroadcastDetailResponse,
} from '../../../../../src/http/tabs/contract.ts';
import { TitledSection } from '../../../components/Sections.tsx';
import { useTabEnv } from '../../../tabContext.ts';
import { ConfirmDialog, dialogClosed } from '../ConfirmDialog.tsx';
import { CardPreview } from '../preview/CardPreview.tsx';
import { AudiencePicker } from './AudiencePicker.tsx';
import { Resolution } from './AudienceCountLine.tsx';
import { audienceBody, toCreateBody, toDraftBody, type ComposeForm } from './draft.ts';
import { problemText } from './problemText.ts';
import { useAudienceCount } from './useAudienceCount.ts';
import { GuidelineFields } from './GuidelineFields.tsx';
import { serverProblems, todayHere, type SubmitFailure } from './submit.ts';
import { composeProblems, guidelineProblems, hasProblems, type Problems } from './validate.ts';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'grid', gap: tokens.spacingVerticalL },
  preview: { position: 'sticky', top: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/**
 * A new guideline: its text in up to three languages, the audience with its live count, the real
 * card as a preview, and send now, schedule, or keep as a draft. The form lives in the Admin tab's
 * state (`form`, `change`), so a failed send, a refusal or a visit to the list loses nothing typed.
 */
export function ComposeGuideline({
  form,
  change,
  created,
}: {
  form: ComposeForm;
  change: (next: ComposeForm) => void;
  created: (id: string, how: 'sent' | 'scheduled' | 'saved') => void;
}) {
  const { t, api, formatDateTime } = useTabEnv();
  const styles = useStyles();
  const [showProblems, setShowProblems] = useState(false);
  const [refused, setRefused] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure>();
  const formRef = useRef<HTMLFormElement>(null);
  const count = useAudienceCount(audienceBody(form.audience));

  const local = composeProblems(form, todayHere(), true);
  const problems: Problems = showProblems ? { ...refused, ...local } : refused;
  const draft = useMemo(
    () =>
      hasProblems(guidelineProblems(form.guideline, todayHere())) ? undefined : toDraftBody(form.guideline),
    [form.guideline],
  );
  const update = (next: ComposeForm) => {
    setRefused({});
    change(next);
  };

  const focusFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (send: boolean, skipUnmatched = false) => {
    setConfirming(false);
    const body = toCreateBody(form, { send, skipUnmatched });
    if (!body) return;
    setBusy(true);
    setFailure(undefined);
    const result = await api.post<BroadcastDetailResponse>('/admin/broadcasts', body);
    setBusy(false);
    if (result.ok) {
      await dialogClosed();
      created(result.data.broadcast.id, !send ? 'saved' : form.when === 'schedule' ? 'scheduled' : 'sent');
      return;
    }
    if (result.code === 'invalid') {
      const fields = serverProblems(result.body?.error.issues);
      setRefused(fields);
      setShowProblems(true);
      setFailure({ kind: hasProblems(fields) ? 'invalid' : 'refused' });
      focusFirstProblem();
      return;
    }
    // A 409 carries the audience's resolution beside the error: who matched, and what matched nobody.
    const audience = (result.body as { audience?: AudienceResolutionResponse } | undefined)?.audience;
    if (result.code === 'conflict' && audience) setFailure({ kind: 'unmatched', audience, send });
    else if (result.code === 'forbidden') setFailure({ kind: 'forbidden' });
    else
      setFailure({
        kind: 'failed',
        retry: () => void submit(send, skipUnmatched),
        correlationId: result.correlationId,
      });
  };

  const trySend = (send: boolean) => {
    setShowProblems(true);
    const now = composeProblems(form, todayHere(), send);
    if (hasProblems(now)) {
      setFailure({ kind: 'invalid' });
      focusFirstProblem();
      return;
    }
    if (send) setConfirming(true);
    else void submit(false);
  };

  const people = count.state === 'ready' ? count.resolution.count : undefined;
  const title = draft?.variants[draft.defaultLanguage]?.title ?? '';
  return (
    <form
      ref={formRef}
      className={styles.layout}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        trySend(true);
      }}
    >
      <div className={styles.column}>
        <TitledSection id="compose-guideline" title={t.composeGuideline}>
          <GuidelineFields
            form={form.guideline}
            change={(guideline) => update({ ...form, guideline })}
            problems={problems}
            idPrefix="compose"
          />
        </TitledSection>
        <TitledSection id="compose-audience" title={t.composeAudience}>
          <AudiencePicker
            audience={form.audience}
            change={(audience) => update({ ...form, audience })}
            count={count}
            problem={problems.audience && problemText(t, 'audience', problems.audience)}
          />
        </TitledSection>
        <TitledSection id="compose-send" title={t.composeWhen}>
          <RadioGroup
            value={form.when}
            onChange={(_e, d) => update({ ...form, when: d.value as ComposeForm['when'] })}
          >
            <Radio value="now" label={t.composeSendNow} />
            <Radio value="schedule" label={t.composeSchedule} />
          </RadioGroup>
          {form.when === 'schedule' && (
            <Field
              label={t.composeScheduleAt}
              hint={t.composeScheduleAtHint}
              {...(problems.scheduleAt
                ? {
                    validationState: 'error' as const,
                    validationMessage: problemText(t, 'scheduleAt', problems.scheduleAt),
                  }
                : {})}
            >
              <Input
                type="datetime-local"
                value={form.scheduleAt}
                onChange={(_e, d) => update({ ...form, scheduleAt: d.value })}
              />
            </Field>
          )}
          <div role="alert">
            {failure && <FailureBar failure={failure} resend={(send) => void submit(send, true)} />}
          </div>
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {form.when === 'schedule' ? t.composeScheduleButton : t.composeSendButton}
            </Button>
            <Button disabled={busy} onClick={() => trySend(false)}>
              {t.composeSaveDraft}
            </Button>
            {busy && <Text>{t.composeSending}</Text>}
          </div>
        </TitledSection>
      </div>
      <div className={styles.preview}>
        <TitledSection id="compose-preview" title={t.previewTitle}>
          <CardPreview draft={draft} />
        </TitledSection>
      </div>
      <ConfirmDialog
        open={confirming}
        title={form.when === 'schedule' ? t.confirmScheduleTitle : t.confirmSendTitle}
        body={
          form.when === 'schedule'
            ? t.confirmScheduleBody(title, people, scheduleText(form.scheduleAt, formatDateTime))
            : t.confirmSendBody(title, people)
        }
        confirm={form.when === 'schedule' ? t.composeScheduleButton : t.composeSendButton}
        onConfirm={() => void submit(true)}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}

function scheduleText(local: string, format: (iso: string) => string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : format(at.toISOString());
}

export function FailureBar({ failure, resend }: { failure: SubmitFailure; resend: (send: boolean) => void }) {
  const { t } = useTabEnv();
  if (failure.kind === 'invalid')
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.composeCheckFields}</MessageBarBody>
      </MessageBar>
    );
  if (failure.kind === 'refused')
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.composeRefused}</MessageBarBody>
      </MessageBar>
    );
  if (failure.kind === 'forbidden')
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t.forbiddenAdminBody}</MessageBarBody>
      </MessageBar>
    );
  if (failure.kind === 'unmatched')
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {failure.audience.count === 0 ? t.composeNoOne : t.composeUnmatchedTitle}
          </MessageBarTitle>
          <Resolution resolution={failure.audience} />
          {failure.audience.count > 0 && (
            <div className="state-action">
              <Button appearance="primary" onClick={() => resend(failure.send)}>
                {t.composeSkipUnmatched(failure.audience.count)}
              </Button>
            </div>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.composeFailedTitle}</MessageBarTitle>
        {t.composeFailedBody}
        {failure.correlationId && <Text block>{t.errorReference(failure.correlationId)}</Text>}
        <div className="state-action">
          <Button appearance="primary" onClick={failure.retry}>
            {t.retry}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
