/**
 * Attendance at live sessions in the tab (My team), in English; part of the tab's catalogue
 * (../en.ts spreads them in), nb.ts and sv.ts beside it. Statuses use the chat roster's words.
 */
export const sessionsEn = {
  sessionsTitle: 'Live sessions: attendance',
  sessionsIntro:
    'The sessions you instruct, and those your people booked. Mark who attended once a session has begun.',
  sessionWhen: (when: string, where: string) => `${when} · ${where}`,
  sessionOnline: 'Teams meeting',
  sessionNobody: 'Nobody has booked this session yet.',
  sessionNotStarted: 'Attendance can be marked once the session has begun.',
  sessionColPerson: 'Person',
  sessionColStatus: 'Status',
  sessionColAttendance: 'Attendance',
  sessionStatus: (status: string) =>
    ({ booked: 'Booked', attended: 'Attended ✓', absent: 'Did not attend' })[status] ?? status,
  sessionAttendanceOf: (name: string) => `Attendance of ${name}`,
  sessionAttended: 'Attended',
  sessionAbsent: 'Did not attend',
  sessionMarked: (name: string) => `Marked for ${name}.`,
  sessionAlreadyAttended: 'Already marked as attended.',
  sessionNotBooked: 'That person no longer has a place at this session.',
  sessionNotAllowed: 'Only the instructor of the session or the person’s manager can mark attendance.',
};
