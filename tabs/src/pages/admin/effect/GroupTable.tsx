import { Text } from '@fluentui/react-components';
import { useTabEnv } from '../../../tabContext.ts';
import type { GroupRow } from './effectFigures.ts';
import { useEffectStyles } from './effectStyles.ts';

const COLUMNS = 6;

/**
 * The program's figures per group, as a table: everyone in it, then each department and manager. A
 * group under the smallest size has one cell saying why it shows nothing, read with its name.
 */
export function GroupTable({
  id,
  whole,
  departments,
  managers,
  minGroupSize,
}: {
  id: string;
  whole: GroupRow;
  departments: GroupRow[];
  managers: GroupRow[];
  minGroupSize: number;
}) {
  const { t } = useTabEnv();
  const styles = useEffectStyles();
  const rowGroup = (title: string, rows: GroupRow[], key: string) => (
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
        <caption className="visually-hidden">{t.effectGroupsTitle}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t.effectColGroup}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColPeople}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColCompleted}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColOnTime}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColQuiz}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColSelf}
            </th>
            <th scope="col" className={styles.number}>
              {t.effectColActive}
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

function Row({ row, minGroupSize }: { row: GroupRow; minGroupSize: number }) {
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
          <td className={styles.number}>{f.completed}</td>
          <td className={styles.number}>{f.onTime}</td>
          <td className={styles.number}>{f.quiz}</td>
          <td className={styles.number}>{f.selfAssessment}</td>
          <td className={styles.number}>{f.activeLastWeek}</td>
        </>
      ) : (
        <td colSpan={COLUMNS} className={styles.hidden}>
          <Text>{t.effectHidden(minGroupSize)}</Text>
        </td>
      )}
    </tr>
  );
}
