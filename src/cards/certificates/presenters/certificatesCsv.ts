import { stringify } from 'csv-stringify/sync';
import type { CertificateStanding } from '../../../domain/certificates/certificateStanding.ts';
import { spreadsheetSafe } from '../../../domain/broadcasts/recipient.ts';

/** One certificate of one person, with what the directory says of them (for HR's spreadsheet). */
export interface CertificateCsvRow {
  standing: CertificateStanding;
  /** User principal name, else the object id. */
  user: string;
  name: string;
  department?: string;
  certificationTitle: string;
}

export const CERTIFICATE_CSV_COLUMNS = [
  'user',
  'name',
  'department',
  'certification',
  'certification title',
  'status',
  'valid until',
  'days left',
  'due on',
  'cycles',
] as const;

/**
 * Certificates as CSV (RFC 4180, by csv-stringify), one row per person and certification, as the
 * Admin tab exports them and `drypp certificates status --csv` prints them. Every cell passes
 * spreadsheetSafe, so a name such as `=HYPERLINK(…)` is text in any spreadsheet. With `bom`, a
 * byte-order mark first, so spreadsheet programs read the file as UTF-8 (æ, ø, å, ä, ö).
 */
export function certificatesCsv(rows: readonly CertificateCsvRow[], options: { bom?: boolean } = {}): string {
  const records = rows.map((row) => {
    const s = row.standing;
    return [
      row.user,
      row.name,
      row.department ?? '',
      s.certificationId,
      row.certificationTitle,
      s.status,
      s.validUntil ?? '',
      s.daysLeft?.toString() ?? '',
      s.dueOn,
      String(s.cycles),
    ].map(spreadsheetSafe);
  });
  const csv = stringify([[...CERTIFICATE_CSV_COLUMNS], ...records], { record_delimiter: 'windows' });
  return options.bom ? `\ufeff${csv}` : csv;
}
