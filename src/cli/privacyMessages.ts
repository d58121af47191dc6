// What `drypp privacy` says to people, in one place so it can be reviewed and translated.
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const privacyMessages = {
  description: 'Personal data: export everything about one person, or erase them (GDPR art. 15 and 17).',
  exportDescription: 'everything Drypp holds about one person, as JSON (--out) and a readable summary',
  outOption: 'write the JSON to this file (default: print it after the summary)',
  eraseDescription:
    'erase one person: delete or anonymise their rows in every table, forget their xAPI pseudonym',
  referenceOption:
    'a case or ticket number for the audit row (letters, digits, . _ : / # -; no names or e-mail addresses; default "operator")',
  badReference: (given: string) =>
    `--reference "${given}" is not a case reference: use up to 64 letters, digits and . _ : / # - (no spaces, no e-mail address, no object id), e.g. DPO-2026-17`,
  requestId: (id: string) => `Request ${id} is in the audit trail (table PrivacyAudit).`,
  keptUnderHold: (hold: string, kept: number, years: number) =>
    `  kept under the legal hold "${hold}" (${years} years): ${plural(kept, 'row', 'rows')}`,
  yesOption: 'really erase (without it, nothing changes and the command says what it would do)',
  summaryHeader: (id: string, at: string) => `Personal data of ${id}, exported ${at}:`,
  summaryTable: (table: string, own: number, mentioned: number) =>
    `  ${table}: ${plural(own, 'row', 'rows')} of theirs${mentioned ? `, ${plural(mentioned, 'row', 'rows')} of others' naming them (their part only)` : ''}`,
  nothingHeld: '  Drypp holds nothing about this person.',
  written: (file: string) => `JSON written to ${file}.`,
  eraseNeedsYes: (id: string) =>
    `This erases ${id} from every table (kept: only what a legal hold keeps). Run again with --yes to do it.`,
  erased: (id: string, at: string) => `Erased ${id} at ${at}:`,
  erasedTable: (table: string, deleted: number, anonymised: number, kept: number) =>
    `  ${table}: ${deleted} deleted, ${anonymised} anonymised${kept ? `, ${kept} kept (legal hold)` : ''}`,
  erasedNothingLeft:
    '  nothing was left to erase (erased before?); the pseudonym is forgotten and the tombstone is in place.',
} as const;
