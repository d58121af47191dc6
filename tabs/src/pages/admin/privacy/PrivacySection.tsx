import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PrivacyEraseResponse } from '../../../../../src/http/tabs/privacy/contract.ts';
import type { ApiResult } from '../../../api/client.ts';
import { TitledSection } from '../../../components/Sections.tsx';
import { useTabEnv } from '../../../tabContext.ts';
import { ConfirmDialog, dialogClosed } from '../ConfirmDialog.tsx';
import { saveDownload } from './saveDownload.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  person: { minWidth: '20rem', flexGrow: 1, maxWidth: '32rem' },
  table: { borderCollapse: 'collapse', marginTop: tokens.spacingVerticalS },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: 'end' },
});

type Outcome = { intent: 'success' | 'error'; text: string };

/**
 * The Admin tab's privacy section (HR admins): one person's data downloaded as JSON (art. 15), or
 * erased (art. 17) after their address is typed again in the confirmation dialog; the erasure's
 * counts are shown after. The server decides who may do this and checks the confirmation itself.
 */
export function PrivacySection() {
  const { t, api } = useTabEnv();
  const styles = useStyles();
  const [person, setPerson] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [erased, setErased] = useState<PrivacyEraseResponse>();
  const user = person.trim();

  const problem = (result: Extract<ApiResult<unknown>, { ok: false }>): string => {
    if (result.code === 'notFound') return t.privacyNotFound;
    if (result.code === 'forbidden') return t.privacyForbidden;
    if (result.code === 'invalid')
      return result.body?.error.issues?.some((i) => i.path === 'confirm')
        ? t.privacyMismatch
        : t.privacyInvalid;
    return t.privacyFailed;
  };
  const needPerson = (): boolean => {
    if (user) return true;
    setOutcome({ intent: 'error', text: t.privacyPersonMissing });
    return false;
  };

  const exportData = async () => {
    if (!needPerson()) return;
    setBusy(true);
    setErased(undefined);
    const result = await api.download('/privacy/export', { user });
    setBusy(false);
    if (!result.ok) return setOutcome({ intent: 'error', text: problem(result) });
    const name = saveDownload(result.data.blob, result.data.fileName ?? 'drypp-personal-data.json');
    setOutcome({ intent: 'success', text: t.privacyExportDone(name) });
  };

  const erase = async (confirm: string) => {
    setAsking(false);
    setBusy(true);
    setErased(undefined);
    const result = await api.post<PrivacyEraseResponse>('/privacy/erase', { user, confirm });
    await dialogClosed();
    setBusy(false);
    if (!result.ok) return setOutcome({ intent: 'error', text: problem(result) });
    const { deleted, anonymised, kept } = result.data.totals;
    setOutcome({ intent: 'success', text: t.privacyErased(deleted, anonymised, kept) });
    setErased(result.data);
  };

  // A UPN in the field must be typed again exactly (case aside); for an object id only the server
  // knows the address it stands for, so any text goes and the server says whether it matches.
  const accepts = (typed: string) =>
    user.includes('@') ? typed.trim().toLowerCase() === user.toLowerCase() : typed.trim().length > 0;

  return (
    <TitledSection id="admin-privacy" title={t.adminPrivacy}>
      <Text as="p">{t.privacyIntro}</Text>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void exportData();
        }}
      >
        <Field className={styles.person} label={t.privacyPerson} hint={t.privacyPersonHint}>
          <Input
            value={person}
            onChange={(_e, d) => setPerson(d.value)}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            maxLength={256}
          />
        </Field>
        <Button type="submit" disabled={busy}>
          {t.privacyExport}
        </Button>
        <Button
          type="button"
          disabled={busy}
          data-danger="true"
          onClick={() => needPerson() && setAsking(true)}
        >
          {t.privacyErase}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {busy && <Text>{t.working}</Text>}
        {outcome && (
          <MessageBar intent={outcome.intent} layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {erased && <ErasureCounts report={erased} />}
      <ConfirmDialog
        open={asking}
        title={t.privacyEraseTitle}
        body={t.privacyEraseBody(user)}
        confirm={t.privacyEraseConfirm}
        danger
        typed={{ label: t.privacyEraseConfirmLabel, hint: t.privacyEraseConfirmHint, accepts }}
        onConfirm={(typed) => void erase(typed)}
        onCancel={() => setAsking(false)}
      />
    </TitledSection>
  );
}

function ErasureCounts({ report }: { report: PrivacyEraseResponse }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const cell = styles.cell;
  const number = `${styles.cell} ${styles.number}`;
  return (
    <>
      {report.erasedBefore && <Text as="p">{t.privacyErasedBefore}</Text>}
      {report.tables.length > 0 && (
        <table className={styles.table}>
          <caption>{t.privacyCountsCaption}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                {t.privacyTable}
              </th>
              <th scope="col" className={number}>
                {t.privacyDeleted}
              </th>
              <th scope="col" className={number}>
                {t.privacyAnonymised}
              </th>
              <th scope="col" className={number}>
                {t.privacyKept}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.tables.map((row) => (
              <tr key={row.table}>
                <th scope="row" className={cell}>
                  {row.table}
                </th>
                <td className={number}>{row.deleted}</td>
                <td className={number}>{row.anonymised}</td>
                <td className={number}>{row.kept}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.holds.map((h) => (
        <Text as="p" key={h.hold}>
          {t.privacyHold(h.hold, h.years, h.kept)}
        </Text>
      ))}
      <Text as="p">{t.privacyRequest(report.requestId)}</Text>
    </>
  );
}
