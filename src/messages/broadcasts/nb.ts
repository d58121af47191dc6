import type { broadcastsEn } from './en.ts';

/** Tekst for kunngjøringer: retningslinjekort og svarene på dem (bokmål). */
export const broadcastsNb: typeof broadcastsEn = {
  confirm: 'Jeg har lest og forstått',
  openLink: 'Åpne retningslinjen',
  acknowledgedOn: (when: string) => `✓ Bekreftet ${when}`,
  dueBy: (day: string) => `Bekreft innen ${day}.`,
  updated: (version: number, note: string) => `Oppdatert (versjon ${version}): ${note}`,
  askAgain: 'Les den igjen, og bekreft den nye versjonen.',
  reminder: 'Påminnelse: du har ikke bekreftet denne retningslinjen ennå.',
  nudgedBy: (name: string) => `${name} ber deg lese og bekrefte denne retningslinjen.`,
  nudgedByUnknown: 'Lederen din ber deg lese og bekrefte denne retningslinjen.',
  outdated:
    'Denne retningslinjen ble oppdatert etter at kortet ble sendt. Her er den nye versjonen: ingenting er registrert ennå.',
  recalledTitle: 'Retningslinjen er trukket tilbake',
  recalled: 'HR har trukket tilbake denne retningslinjen, så det er ingenting å bekrefte.',
  notYours: 'Denne retningslinjen ble ikke sendt til deg, så ingenting ble registrert.',
  alreadyAcknowledged: 'Du hadde allerede bekreftet denne versjonen.',
  noAcknowledgement: 'Denne retningslinjen ber ikke om bekreftelse.',
  dateLocale: 'nb-NO',
};
