import { useState } from 'react';
import {
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  MarkAttendanceResponse,
  RosterPersonView,
  SessionRostersResponse,
  SessionRosterView,
} from '../../../../src/http/tabs/sessions/contract.ts';
import { TitledSection } from '../../components/Sections.tsx';
import { ActionStatus, LoadFailed, Loading } from '../../components/States.tsx';
import { useApi } from '../../components/useApi.ts';
import { useTabEnv } from '../../tabContext.ts';

const useStyles = makeStyles({
  sessions: { display: 'grid', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  sub: { color: tokens.colorNeutralForeground2 },
});

/**
 * Attendance at live sessions, for instructors and managers: each session the caller instructs or
 * one of their people booked, with its participants and a choice per person (attended, did not
 * attend) once it has begun. The server lists only whom the caller may see and decides each mark.
 */
export function SessionAttendance() {
  const { t } = useTabEnv();
  const styles = useStyles();
  const { value, reload } = useApi<SessionRostersResponse>('/sessions');
  if (value.state === 'ready' && value.data.sessions.length === 0) return null;
  return (
    <TitledSection id="session-attendance" title={t.sessionsTitle}>
      <Text block className={styles.sub}>
        {t.sessionsIntro}
      </Text>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && (
        <ul className={styles.sessions} data-testid="session-attendance">
          {value.data.sessions.map((s) => (
            <li key={`${s.programId}/${s.stepId}/${s.sessionId}`}>
              <SessionRoster session={s} />
            </li>
          ))}
        </ul>
      )}
    </TitledSection>
  );
}

function SessionRoster({ session: s }: { session: SessionRosterView }) {
  const { t, formatDateTime } = useTabEnv();
  const styles = useStyles();
  const id = `session-${s.programId}-${s.stepId}-${s.sessionId}`;
  return (
    <section aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" block>
        {s.title}
      </Text>
      <Text block size={200} className={styles.sub}>
        {t.sessionWhen(formatDateTime(s.startsAt), s.where ?? t.sessionOnline)}
      </Text>
      {s.people.length === 0 && <Text block>{t.sessionNobody}</Text>}
      {s.people.length > 0 && !s.started && <Text block>{t.sessionNotStarted}</Text>}
      {s.people.length > 0 && (
        <Table aria-labelledby={id} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.sessionColPerson}</TableHeaderCell>
              <TableHeaderCell>{t.sessionColStatus}</TableHeaderCell>
              <TableHeaderCell>{t.sessionColAttendance}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {s.people.map((p) => (
              <ParticipantRow key={p.learnerId} session={s} person={p} />
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function ParticipantRow({ session: s, person }: { session: SessionRosterView; person: RosterPersonView }) {
  const { t, api } = useTabEnv();
  const [row, setRow] = useState(person);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ intent: 'success' | 'warning'; text: string }>();
  const mark = async (attended: boolean) => {
    setBusy(true);
    const result = await api.post<MarkAttendanceResponse>('/sessions/attendance', {
      programId: s.programId,
      stepId: s.stepId,
      sessionId: s.sessionId,
      learnerId: row.learnerId,
      attended,
    });
    setBusy(false);
    if (!result.ok) {
      setStatus({
        intent: 'warning',
        text: result.code === 'forbidden' ? t.sessionNotAllowed : t.actionFailed,
      });
      return;
    }
    if (result.data.person) setRow(result.data.person);
    const texts = {
      marked: t.sessionMarked(row.displayName),
      alreadyAttended: t.sessionAlreadyAttended,
      notStarted: t.sessionNotStarted,
      notBooked: t.sessionNotBooked,
    };
    setStatus({
      intent: result.data.outcome === 'marked' ? 'success' : 'warning',
      text: texts[result.data.outcome],
    });
  };
  const canMark = row.actions.includes('markAttendance');
  const value = row.status === 'booked' ? '' : row.status;
  return (
    <TableRow>
      <TableCell>{row.displayName}</TableCell>
      <TableCell>{t.sessionStatus(row.status)}</TableCell>
      <TableCell>
        <RadioGroup
          layout="horizontal"
          aria-label={t.sessionAttendanceOf(row.displayName)}
          value={value}
          disabled={!canMark || busy}
          onChange={(_e, data) => void mark(data.value === 'attended')}
        >
          <Radio value="attended" label={t.sessionAttended} />
          <Radio value="absent" label={t.sessionAbsent} disabled={row.status === 'attended'} />
        </RadioGroup>
        <ActionStatus status={status} inline />
      </TableCell>
    </TableRow>
  );
}
