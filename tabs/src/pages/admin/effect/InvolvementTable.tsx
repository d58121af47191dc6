import { Text } from '@fluentui/react-components';
import { useTabEnv } from '../../../tabContext.ts';
import type { InvolvementRow } from './effectFigures.ts';
import { useEffectStyles } from './effectStyles.ts';

const COLUMNS = 6;

/**
 * Manager involvement over all programs, as a table: everyone, then each department (of the learners)
 * and each manager. A group under the smallest size has one cell saying why it shows nothing; a part
 * about fewer than five of the group says so in its own cell.
 */
export function InvolvementTable({
  id,
  caption,
  whole,
  departments,
  managers,
  minGroupSize,
}: {
  id: string;
  caption: string;
  whole: InvolvementRow;
  departments: InvolvementRow[];
  managers: InvolvementRow[];
  minGroupSize: number;
}) {
  const { t } = useTabEnv();
  const styles = useEffectStyles();
  const rowGroup = (title: string, rows: InvolvementRow[], key: string) => (
    <tbody key={key}>
      <tr>
        <th scope="rowgroup" colSpan={COLUMNS + 1} className={styles.rowGroup}>
          {title}
        </th>
      </tr>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={COLUMNS + 1} className={styles.hidden}>
            {t.effectNoGroups}
          </td>
        </tr>
      ) : (
        rows.map((row) => <Row key={row.key} row={row} minGroupSize={minGroupSize} />)
      )}
    </tbody>
  );
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t.effectColGroup}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColPeople}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColRequests}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColMedianHours}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColCheckins}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColNudges}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColThanks}
            </th>
          </tr>
        </thead>
        <tbody>
          <Row row={whole} minGroupSize={minGroupSize} />
        </tbody>
        {rowGroup(t.effectByDepartment, departments, 'departments')}
        {rowGroup(t.effectByManager, managers, 'managers')}
      </table>
    </div>
  );
}

function Row({ row, minGroupSize }: { row: InvolvementRow; minGroupSize: number }) {
  const { t } = useTabEnv();
  const styles = useEffectStyles();
  const f = row.figures;
  return (
    <tr data-group={row.key}>
      <th scope="row" className={styles.cell}>
        {row.name}
      </th>
      {f.shown ? (
        <>
          <td className={styles.number}>{f.people}</td>
          <td className={styles.number}>{f.requests}</td>
          <td className={styles.number}>{f.median}</td>
          <td className={styles.number}>{f.checkins}</td>
          <td className={styles.number}>{f.nudges}</td>
          <td className={styles.number}>{f.thanks}</td>
        </>
      ) : (
        <td colSpan={COLUMNS} className={styles.hidden}>
          <Text>{t.effectHidden(minGroupSize)}</Text>
        </td>
      )}
    </tr>
  );
}
