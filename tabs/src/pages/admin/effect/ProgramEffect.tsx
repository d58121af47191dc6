import { Suspense, lazy, useState, type ReactNode } from 'react';
import { Field, Select, Text } from '@fluentui/react-components';
import type { EffectProgramView } from '../../../../../src/http/tabs/effect/contract.ts';
import { ChartBoundary } from '../../../components/ChartBoundary.tsx';
import { Loading } from '../../../components/States.tsx';
import { useTabEnv } from '../../../tabContext.ts';
import {
  effectNumbers,
  groupRows,
  pulseRows,
  questionRows,
  requestWords,
  statementRows,
  weeklyGroups,
  weeklyRows,
  type PairRow,
} from './effectFigures.ts';
import { useEffectStyles } from './effectStyles.ts';
import { GroupTable } from './GroupTable.tsx';
import type { PairChartProps } from './PairChart.tsx';

// The chart library loads after the figures are on screen, as elsewhere in the tab.
const WeeklyChart = lazy(() => import('./WeeklyChart.tsx'));
const PairChart = lazy(() => import('./PairChart.tsx'));

/** One program's effect: by group, engagement by week, self-assessment, quiz questions, pulse, managers. */
export function ProgramEffect({
  program,
  minGroupSize,
}: {
  program: EffectProgramView;
  minGroupSize: number;
}) {
  const { t, language, formatDate } = useTabEnv();
  const styles = useEffectStyles();
  const n = effectNumbers(language, t.effectNone);
  const groups = groupRows(program, t, n);
  const weeklyChoices = weeklyGroups(program, t);
  const [weeklyKey, setWeeklyKey] = useState('program');
  const weeklyGroup = weeklyChoices.find((g) => g.key === weeklyKey) ?? weeklyChoices[0]!;
  const weeks = weeklyRows(weeklyGroup.figures, formatDate, n);
  const statements = statementRows(program, t, n);
  const questions = questionRows(program, t, n);
  const pulse = pulseRows(program, n);
  const hidden = t.effectHidden(minGroupSize);
  const checkins = program.checkins;
  const learningTime = program.learningTime;

  return (
    <div className={styles.stack}>
      <Part id="effect-groups" title={t.effectGroupsTitle}>
        <GroupTable id="effect-groups-table" {...groups} minGroupSize={minGroupSize} />
      </Part>

      <Part id="effect-weekly" title={t.effectWeeklyTitle}>
        {weeklyChoices.length > 1 && (
          <Field label={t.effectWeeklyGroup}>
            <Select value={weeklyGroup.key} onChange={(_e, d) => setWeeklyKey(d.value)}>
              {weeklyChoices.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {weeks === undefined ? (
          <Text block className={styles.sub}>
            {hidden}
          </Text>
        ) : (
          <>
            <Chart>
              <WeeklyChart weeks={weeks} title={`${t.effectWeeklyTitle}: ${weeklyGroup.label}`} />
            </Chart>
            <div className={styles.scroll}>
              <table className={styles.table} data-testid="effect-weekly-table">
                <caption className="visually-hidden">{`${t.effectWeeklyTitle}: ${weeklyGroup.label}`}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.cell}>
                      {t.effectColWeek}
                    </th>
                    <th scope="col" className={styles.number}>
                      {t.effectColActiveShare}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.key}>
                      <th scope="row" className={styles.cell}>
                        {w.label}
                      </th>
                      <td className={styles.number}>{w.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Part>

      <Part id="effect-self" title={t.effectSelfTitle}>
        {statements.length === 0 ? (
          <Text block>{t.effectSelfNone}</Text>
        ) : (
          <PairTable
            id="effect-self-table"
            caption={t.effectSelfTitle}
            rowHeader={t.effectColStatement}
            first={t.effectColBefore}
            second={t.effectColAfter}
            change={t.effectColChange}
            rows={statements}
            minGroupSize={minGroupSize}
            chart={{ legends: { first: t.effectLegendBefore, second: t.effectLegendAfter }, max: 5 }}
          />
        )}
      </Part>

      <Part id="effect-quiz" title={t.effectQuizTitle}>
        {questions.length === 0 ? (
          <Text block>{t.effectQuizNone}</Text>
        ) : (
          <PairTable
            id="effect-quiz-table"
            caption={t.effectQuizTitle}
            rowHeader={t.effectColQuestion}
            first={t.effectColFirstAttempt}
            second={t.effectColFinal}
            rows={questions}
            minGroupSize={minGroupSize}
            chart={{ legends: { first: t.effectLegendFirst, second: t.effectLegendFinal }, max: 100 }}
          />
        )}
      </Part>

      <Part id="effect-pulse" title={t.effectPulseTitle}>
        {pulse.length === 0 ? (
          <Text block>{t.effectPulseNone}</Text>
        ) : (
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="effect-pulse-table">
              <caption className="visually-hidden">{t.effectPulseTitle}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>
                    {t.effectColItem}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t.effectColUseful}
                  </th>
                  <th scope="col" className={styles.cell}>
                    {t.effectColComments}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pulse.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className={styles.cell}>
                      {row.title}
                    </th>
                    {row.pulse.shown ? (
                      <>
                        <td className={styles.number}>{row.pulse.useful}</td>
                        <td className={styles.cell}>
                          {row.pulse.comments.length === 0 ? (
                            t.effectComments(row.pulse.commentCount)
                          ) : (
                            // A native disclosure: Enter or Space opens it, and it says so to screen readers.
                            <details>
                              <summary aria-label={t.effectShowComments(row.pulse.commentCount, row.title)}>
                                {t.effectComments(row.pulse.commentCount)}
                              </summary>
                              {row.pulse.commentCount > row.pulse.comments.length && (
                                <Text block size={200} className={styles.sub}>
                                  {t.effectCommentsNewest(row.pulse.comments.length)}
                                </Text>
                              )}
                              <ul className={styles.comments}>
                                {row.pulse.comments.map((c, i) => (
                                  <li key={i}>{c}</li>
                                ))}
                              </ul>
                            </details>
                          )}
                        </td>
                      </>
                    ) : (
                      <td colSpan={2} className={styles.hidden}>
                        {hidden}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Part>

      <Part id="effect-managers" title={t.effectManagersTitle}>
        {!checkins.shown ? (
          <Text block className={styles.sub}>
            {hidden}
          </Text>
        ) : checkins.value.asked === 0 ? (
          <Text block>{t.effectCheckinsNone}</Text>
        ) : (
          <dl data-testid="effect-checkins">
            <dt>{t.effectCheckinsAsked}</dt>
            <dd>{checkins.value.asked}</dd>
            <dt>{t.effectCheckinsAnswered}</dt>
            <dd>
              {t.effectCompleted(
                checkins.value.answered,
                checkins.value.asked,
                n.percent(checkins.value.answeredPercent),
              )}
            </dd>
          </dl>
        )}
        {!learningTime.shown ? (
          <Text block className={styles.sub}>
            {t.effectLearningTimeAsked}: {hidden}
          </Text>
        ) : learningTime.value.asked === 0 ? (
          <Text block>{t.effectLearningTimeNone}</Text>
        ) : (
          <dl data-testid="effect-learning-time">
            <dt>{t.effectLearningTimeAsked}</dt>
            <dd>{learningTime.value.asked}</dd>
            <dt>{t.effectLearningTimeDecided}</dt>
            <dd>{requestWords(learningTime.value, t, n).decided}</dd>
            <dt>{t.effectLearningTimeMedian}</dt>
            <dd>{requestWords(learningTime.value, t, n).median}</dd>
          </dl>
        )}
        <Text block className={styles.sub}>
          {t.effectAcknowledgementsWhere}
        </Text>
      </Part>
    </div>
  );
}

/** A part of the program's effect under its own h3, named by it. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" size={400} block>
        {title}
      </Text>
      {children}
    </section>
  );
}

function Chart({ children }: { children: ReactNode }) {
  const { t } = useTabEnv();
  return (
    <ChartBoundary fallback={<Text block>{t.chartFailed}</Text>}>
      <Suspense fallback={<Loading label={t.chartLoading} />}>{children}</Suspense>
    </ChartBoundary>
  );
}

/** Rows of two figures (and a change), with grouped bars of the rows that have any. */
function PairTable({
  id,
  caption,
  rowHeader,
  first,
  second,
  change,
  rows,
  chart,
  minGroupSize,
}: {
  id: string;
  caption: string;
  rowHeader: string;
  first: string;
  second: string;
  change?: string;
  rows: PairRow[];
  chart: Pick<PairChartProps, 'legends' | 'max'>;
  minGroupSize: number;
}) {
  const { t } = useTabEnv();
  const styles = useEffectStyles();
  const charted = rows.flatMap((r) => (r.chart ? [{ label: r.label, ...r.chart }] : []));
  return (
    <>
      {charted.length > 0 && (
        <Chart>
          <PairChart title={caption} rows={charted} {...chart} />
        </Chart>
      )}
      <div className={styles.scroll}>
        <table className={styles.table} data-testid={id}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                {rowHeader}
              </th>
              <th scope="col" className={styles.number}>
                {first}
              </th>
              <th scope="col" className={styles.number}>
                {second}
              </th>
              {change && (
                <th scope="col" className={styles.number}>
                  {change}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={styles.cell}>
                  {r.label}
                </th>
                {r.hidden ? (
                  <td colSpan={change ? 3 : 2} className={styles.hidden}>
                    {t.effectHidden(minGroupSize)}
                  </td>
                ) : (
                  <>
                    <td className={styles.number}>{r.first}</td>
                    <td className={styles.number}>{r.second}</td>
                    {change && <td className={styles.number}>{r.change}</td>}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
