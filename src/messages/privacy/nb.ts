import type { privacyEn } from './en.ts';

/** Det lesbare sammendraget øverst i en eksport av personopplysninger fra Admin-fanen (bokmål). */
const rows = (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'}`;

export const privacyNb: typeof privacyEn = {
  exportSummary: {
    header: (personId: string, at: string) =>
      `Personopplysninger om ${personId} som Drypp har, eksportert ${at}.`,
    table: (table: string, own: number, mentioned: number) =>
      `${table}: ${rows(own)} om personen${mentioned ? `, ${rows(mentioned)} hos andre som nevner personen (bare den delen)` : ''}`,
    nothingHeld: 'Drypp har ingenting om denne personen.',
    requestId: (id: string) => `Forespørsel ${id} står i revisjonssporet (tabellen PrivacyAudit).`,
  },
};
