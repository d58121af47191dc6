/** The readable summary at the top of a personal data export from the Admin tab (English). */
const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

export const privacyEn = {
  exportSummary: {
    header: (personId: string, at: string) => `Personal data of ${personId} held by Drypp, exported ${at}.`,
    table: (table: string, own: number, mentioned: number) =>
      `${table}: ${rows(own)} of theirs${mentioned ? `, ${rows(mentioned)} of others' naming them (their part only)` : ''}`,
    nothingHeld: 'Drypp holds nothing about this person.',
    requestId: (id: string) => `Request ${id} is in the audit trail (table PrivacyAudit).`,
  },
};
