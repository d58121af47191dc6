import { useState } from 'react';
import {
  Checkbox,
  Field,
  Input,
  Select,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BroadcastLanguage } from '../../../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../../../tabContext.ts';
import { BODY_MAX, LANGUAGES, TITLE_MAX, writtenLanguages, type GuidelineForm } from './draft.ts';
import { problemText } from './problemText.ts';
import type { FieldKey, Problems } from './validate.ts';

const useStyles = makeStyles({
  fields: { display: 'grid', gap: tokens.spacingVerticalM },
  variant: { display: 'grid', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  narrow: { maxWidth: '200px' },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/**
 * What a guideline says, in up to three languages, and how it is to be answered: the fields a new
 * guideline and a correction share. `problems` are shown beside their fields once `show` is set.
 */
export function GuidelineFields({
  form,
  change,
  problems,
  idPrefix,
}: {
  form: GuidelineForm;
  change: (next: GuidelineForm) => void;
  problems: Problems;
  idPrefix: string;
}) {
  const { t } = useTabEnv();
  const styles = useStyles();
  const [language, setLanguage] = useState<BroadcastLanguage>(form.defaultLanguage);
  const written = writtenLanguages(form);
  const variant = form.variants[language];
  const message = (field: FieldKey) => {
    const problem = problems[field];
    return problem
      ? { validationState: 'error' as const, validationMessage: problemText(t, field, problem) }
      : {};
  };
  const setVariant = (patch: Partial<typeof variant>) =>
    change({ ...form, variants: { ...form.variants, [language]: { ...variant, ...patch } } });
  // A language tab is marked when it has a problem, so a refused field in a hidden language is found.
  const languageHasProblem = (l: BroadcastLanguage) =>
    problems[`variants.${l}.title`] !== undefined || problems[`variants.${l}.body`] !== undefined;

  return (
    <div className={styles.fields}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t.composeText}</legend>
        {/* Which language is being written: radio buttons, not a TabList (its arrow-key focus helpers
            are aria-hidden focusable elements that accessibility checkers flag). */}
        <RadioGroup
          layout="horizontal"
          value={language}
          onChange={(_e, d) => setLanguage(d.value as BroadcastLanguage)}
          aria-label={t.composeLanguages}
        >
          {LANGUAGES.map((l) => (
            <Radio
              key={l}
              value={l}
              label={t.languageTab(
                t.languageName(l),
                languageHasProblem(l) ? 'problem' : written.includes(l) ? 'written' : 'empty',
              )}
            />
          ))}
        </RadioGroup>
        <div className={styles.variant} id={`${idPrefix}-variant`}>
          <Field label={t.composeTitle(t.languageName(language))} {...message(`variants.${language}.title`)}>
            <Input
              value={variant.title}
              maxLength={TITLE_MAX + 20}
              onChange={(_e, d) => setVariant({ title: d.value })}
            />
          </Field>
          <Field
            label={t.composeBody(t.languageName(language))}
            hint={t.composeBodyHint(variant.body.length, BODY_MAX)}
            {...message(`variants.${language}.body`)}
          >
            <Textarea
              value={variant.body}
              rows={8}
              resize="vertical"
              onChange={(_e, d) => setVariant({ body: d.value })}
            />
          </Field>
        </div>
        {problems.variants && (
          <Text block className={styles.error}>
            {problemText(t, 'variants', problems.variants)}
          </Text>
        )}
        <Field
          label={t.composeDefaultLanguage}
          hint={t.composeDefaultLanguageHint}
          {...message('defaultLanguage')}
        >
          <Select
            className={styles.narrow}
            value={form.defaultLanguage}
            onChange={(_e, d) => change({ ...form, defaultLanguage: d.value as BroadcastLanguage })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t.languageName(l)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.composeLink} hint={t.composeLinkHint} {...message('link')}>
          <Input
            type="url"
            value={form.link}
            placeholder="https://"
            onChange={(_e, d) => change({ ...form, link: d.value })}
          />
        </Field>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t.composeAnswer}</legend>
        <Checkbox
          checked={form.requiresAcknowledgement}
          onChange={(_e, d) => change({ ...form, requiresAcknowledgement: d.checked === true })}
          label={t.composeRequiresAck}
        />
        <div className={styles.row}>
          <Field label={t.composeDueDate} hint={t.composeDueDateHint} {...message('dueDate')}>
            <Input
              type="date"
              value={form.dueDate}
              onChange={(_e, d) => change({ ...form, dueDate: d.value })}
            />
          </Field>
          {form.requiresAcknowledgement && (
            <>
              <Field
                label={t.composeRemindAfter}
                hint={t.composeRemindAfterHint}
                {...message('remindAfterDays')}
              >
                <Input
                  className={styles.narrow}
                  type="number"
                  min={1}
                  max={30}
                  value={form.remindAfterDays}
                  onChange={(_e, d) => change({ ...form, remindAfterDays: d.value })}
                />
              </Field>
              <Field
                label={t.composeMaxReminders}
                hint={t.composeMaxRemindersHint}
                {...message('maxReminders')}
              >
                <Input
                  className={styles.narrow}
                  type="number"
                  min={0}
                  max={10}
                  value={form.maxReminders}
                  onChange={(_e, d) => change({ ...form, maxReminders: d.value })}
                />
              </Field>
            </>
          )}
        </div>
      </fieldset>
    </div>
  );
}
