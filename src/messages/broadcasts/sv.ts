import type { broadcastsEn } from './en.ts';

/** Text för utskick: riktlinjekort och svaren på dem (svenska). */
export const broadcastsSv: typeof broadcastsEn = {
  confirm: 'Jag har läst och förstått',
  openLink: 'Öppna riktlinjen',
  acknowledgedOn: (when: string) => `✓ Bekräftad ${when}`,
  dueBy: (day: string) => `Bekräfta senast ${day}.`,
  updated: (version: number, note: string) => `Uppdaterad (version ${version}): ${note}`,
  askAgain: 'Läs den igen och bekräfta den nya versionen.',
  reminder: 'Påminnelse: du har inte bekräftat den här riktlinjen ännu.',
  nudgedBy: (name: string) => `${name} ber dig läsa och bekräfta den här riktlinjen.`,
  nudgedByUnknown: 'Din chef ber dig läsa och bekräfta den här riktlinjen.',
  outdated:
    'Den här riktlinjen uppdaterades efter att kortet skickades. Här är den nya versionen: inget har registrerats ännu.',
  recalledTitle: 'Riktlinjen har dragits tillbaka',
  recalled: 'HR har dragit tillbaka den här riktlinjen, så det finns inget att bekräfta.',
  notYours: 'Den här riktlinjen skickades inte till dig, så inget registrerades.',
  alreadyAcknowledged: 'Du hade redan bekräftat den här versionen.',
  noAcknowledgement: 'Den här riktlinjen ber inte om någon bekräftelse.',
  dateLocale: 'sv-SE',
};
