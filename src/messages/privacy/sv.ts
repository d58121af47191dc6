import type { privacyEn } from './en.ts';

/** Den läsbara sammanfattningen överst i en export av personuppgifter från Admin-fliken (svenska). */
const rows = (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'}`;

export const privacySv: typeof privacyEn = {
  exportSummary: {
    header: (personId: string, at: string) =>
      `Personuppgifter om ${personId} som Drypp har, exporterade ${at}.`,
    table: (table: string, own: number, mentioned: number) =>
      `${table}: ${rows(own)} om personen${mentioned ? `, ${rows(mentioned)} hos andra som nämner personen (bara den delen)` : ''}`,
    nothingHeld: 'Drypp har ingenting om den här personen.',
    requestId: (id: string) => `Begäran ${id} finns i granskningsloggen (tabellen PrivacyAudit).`,
  },
};
