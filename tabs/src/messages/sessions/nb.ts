import type { sessionsEn } from './en.ts';

/** Oppmøte på samlinger i fanen (Mitt team), bokmål. */
export const sessionsNb: { [K in keyof typeof sessionsEn]: (typeof sessionsEn)[K] } = {
  sessionsTitle: 'Samlinger: oppmøte',
  sessionsIntro:
    'Samlingene du er instruktør for, og dem folkene dine har meldt seg på. Registrer hvem som møtte når samlingen har begynt.',
  sessionWhen: (when, where) => `${when} · ${where}`,
  sessionOnline: 'Teams-møte',
  sessionNobody: 'Ingen har meldt seg på denne samlingen ennå.',
  sessionNotStarted: 'Oppmøte kan registreres når samlingen har begynt.',
  sessionColPerson: 'Person',
  sessionColStatus: 'Status',
  sessionColAttendance: 'Oppmøte',
  sessionStatus: (status) =>
    ({ booked: 'Påmeldt', attended: 'Møtte ✓', absent: 'Møtte ikke' })[status] ?? status,
  sessionAttendanceOf: (name) => `Oppmøte for ${name}`,
  sessionAttended: 'Møtte',
  sessionAbsent: 'Møtte ikke',
  sessionMarked: (name) => `Registrert for ${name}.`,
  sessionAlreadyAttended: 'Allerede registrert som møtt.',
  sessionNotBooked: 'Den personen har ikke lenger plass på denne samlingen.',
  sessionNotAllowed: 'Bare instruktøren for samlingen eller personens leder kan registrere oppmøte.',
};
