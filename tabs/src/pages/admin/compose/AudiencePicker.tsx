import { useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AudienceFacetsResponse } from '../../../../../src/http/tabs/contract.ts';
import { Loading, LoadFailed } from '../../../components/States.tsx';
import { useApi } from '../../../components/useApi.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { parseAddresses } from './addresses.ts';
import { audienceExpression, type AudienceForm, type AudienceKind } from './draft.ts';
import { AudienceCountLine } from './AudienceCountLine.tsx';
import type { AudienceCount } from './useAudienceCount.ts';

const useStyles = makeStyles({
  picker: { display: 'grid', gap: tokens.spacingVerticalM },
  choices: {
    display: 'grid',
    maxHeight: '220px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  expression: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Uploaded lists are read in the page; the API takes up to 1 MB of request. */
const MAX_FILE_BYTES = 900 * 1024;

/**
 * Who gets the guideline: everyone, departments, job titles, a manager's whole organisation, or a
 * pasted or uploaded list of addresses, with the live count and what matches nobody. The choice is
 * shown as the audience expression the CLI takes, so HR can repeat it there.
 */
export function AudiencePicker({
  audience,
  change,
  count,
  problem,
}: {
  audience: AudienceForm;
  change: (next: AudienceForm) => void;
  count: AudienceCount;
  problem?: string;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const facets = useApi<AudienceFacetsResponse>('/admin/audience/facets');
  const expression = audienceExpression(audience);
  const kinds: AudienceKind[] = ['everyone', 'departments', 'jobTitles', 'organisation', 'addresses'];

  return (
    <div className={styles.picker}>
      <Field
        label={t.audienceWho}
        {...(problem ? { validationState: 'error' as const, validationMessage: problem } : {})}
      >
        <RadioGroup
          value={audience.kind}
          onChange={(_e, d) => change({ ...audience, kind: d.value as AudienceKind })}
        >
          {kinds.map((kind) => (
            <Radio key={kind} value={kind} label={t.audienceKind(kind)} />
          ))}
        </RadioGroup>
      </Field>
      {facets.value.state === 'loading' && audience.kind !== 'everyone' && audience.kind !== 'addresses' && (
        <Loading />
      )}
      {facets.value.state === 'failed' && <LoadFailed result={facets.value.result} retry={facets.reload} />}
      {facets.value.state === 'ready' && audience.kind === 'departments' && (
        <ValueChoices
          legend={t.audienceDepartments}
          values={facets.value.data.departments}
          chosen={audience.departments}
          change={(departments) => change({ ...audience, departments })}
        />
      )}
      {facets.value.state === 'ready' && audience.kind === 'jobTitles' && (
        <ValueChoices
          legend={t.audienceJobTitles}
          values={facets.value.data.jobTitles}
          chosen={audience.jobTitles}
          change={(jobTitles) => change({ ...audience, jobTitles })}
        />
      )}
      {facets.value.state === 'ready' && audience.kind === 'organisation' && (
        <ManagerChoice
          managers={facets.value.data.managers}
          chosen={audience.manager}
          change={(manager) => change({ ...audience, manager })}
        />
      )}
      {audience.kind === 'addresses' && (
        <AddressList text={audience.addresses} change={(addresses) => change({ ...audience, addresses })} />
      )}
      {expression && (
        <Text block size={200}>
          {t.audienceExpression} <span className={styles.expression}>{expression}</span>
        </Text>
      )}
      <AudienceCountLine count={count} />
    </div>
  );
}

function ValueChoices({
  legend,
  values,
  chosen,
  change,
}: {
  legend: string;
  values: Array<{ value: string; count: number }>;
  chosen: string[];
  change: (next: string[]) => void;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const [filter, setFilter] = useState('');
  const shown = values.filter((v) => v.value.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (value: string, on: boolean) =>
    change(on ? [...chosen.filter((c) => c !== value), value] : chosen.filter((c) => c !== value));
  return (
    <>
      {values.length > 8 && (
        <Field label={t.audienceFilter(legend)}>
          <Input value={filter} onChange={(_e, d) => setFilter(d.value)} />
        </Field>
      )}
      <fieldset className={styles.choices}>
        <legend className={styles.legend}>{t.audienceChosen(legend, chosen.length)}</legend>
        {values.length === 0 && <Text>{t.audienceNoValues}</Text>}
        {shown.map((v) => (
          <Checkbox
            key={v.value}
            checked={chosen.includes(v.value)}
            onChange={(_e, d) => toggle(v.value, d.checked === true)}
            label={t.audienceValue(v.value || t.audienceNoDepartment, v.count)}
          />
        ))}
      </fieldset>
    </>
  );
}

function ManagerChoice({
  managers,
  chosen,
  change,
}: {
  managers: AudienceFacetsResponse['managers'];
  chosen: string;
  change: (address: string) => void;
}) {
  const { t } = useTabEnv();
  const current = managers.find((m) => m.address === chosen);
  const [typed, setTyped] = useState(current?.displayName ?? '');
  const shown = managers.filter((m) =>
    `${m.displayName} ${m.address}`.toLowerCase().includes(typed.trim().toLowerCase()),
  );
  return (
    <Field label={t.audienceManager} hint={t.audienceManagerHint}>
      <Combobox
        value={typed}
        selectedOptions={chosen ? [chosen] : []}
        onChange={(e) => setTyped(e.target.value)}
        onOptionSelect={(_e, d) => {
          change(d.optionValue ?? '');
          setTyped(d.optionText ?? '');
        }}
      >
        {(shown.length > 0 ? shown : managers).map((m) => (
          <Option key={m.id} value={m.address} text={m.displayName}>
            {t.audienceManagerOption(m.displayName, m.address, m.directReports)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

function AddressList({ text, change }: { text: string; change: (next: string) => void }) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const [fileNote, setFileNote] = useState<{ error: boolean; text: string }>();
  const parsed = parseAddresses(text);
  const read = async (chosen: File | undefined) => {
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileNote({ error: true, text: t.audienceFileTooLarge(chosen.name) });
      return;
    }
    try {
      const content = await chosen.text();
      change(content);
      setFileNote({
        error: false,
        text: t.audienceFileRead(chosen.name, parseAddresses(content).addresses.length),
      });
    } catch (error) {
      console.warn('Drypp tab: the file could not be read', error);
      setFileNote({ error: true, text: t.audienceFileUnreadable(chosen.name) });
    }
    if (file.current) file.current.value = '';
  };
  return (
    <>
      <Field label={t.audienceAddresses} hint={t.audienceAddressesHint}>
        <Textarea value={text} rows={6} resize="vertical" onChange={(_e, d) => change(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => file.current?.click()}>{t.audienceUpload}</Button>
        <input
          ref={file}
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => void read(e.target.files?.[0])}
        />
        <Text>{t.audienceAddressCount(parsed.addresses.length, parsed.duplicates)}</Text>
      </div>
      <div role="status">
        {fileNote && (
          <Text block className={fileNote.error ? styles.error : undefined}>
            {fileNote.text}
          </Text>
        )}
      </div>
      {parsed.invalid.length > 0 && (
        <Text block className={styles.error}>
          {t.audienceNotAddresses(parsed.invalid.join(', '))}
        </Text>
      )}
    </>
  );
}
