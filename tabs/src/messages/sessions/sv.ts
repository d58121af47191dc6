import type { sessionsEn } from './en.ts';

/** Närvaro på träffar i fliken (Mitt team), svenska. */
export const sessionsSv: { [K in keyof typeof sessionsEn]: (typeof sessionsEn)[K] } = {
  sessionsTitle: 'Träffar: närvaro',
  sessionsIntro:
    'Träffarna du är instruktör för, och de som dina medarbetare har bokat. Registrera vilka som närvarade när träffen har börjat.',
  sessionWhen: (when, where) => `${when} · ${where}`,
  sessionOnline: 'Teams-möte',
  sessionNobody: 'Ingen har bokat den här träffen ännu.',
  sessionNotStarted: 'Närvaro kan registreras när träffen har börjat.',
  sessionColPerson: 'Person',
  sessionColStatus: 'Status',
  sessionColAttendance: 'Närvaro',
  sessionStatus: (status) =>
    ({ booked: 'Bokad', attended: 'Närvarade ✓', absent: 'Närvarade inte' })[status] ?? status,
  sessionAttendanceOf: (name) => `Närvaro för ${name}`,
  sessionAttended: 'Närvarade',
  sessionAbsent: 'Närvarade inte',
  sessionMarked: (name) => `Registrerat för ${name}.`,
  sessionAlreadyAttended: 'Redan registrerad som närvarande.',
  sessionNotBooked: 'Den personen har inte längre någon plats på den här träffen.',
  sessionNotAllowed: 'Bara träffens instruktör eller personens chef kan registrera närvaro.',
};
