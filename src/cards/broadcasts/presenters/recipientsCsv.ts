import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../../domain/broadcasts/recipient.ts';
import type { ExportRow } from '../../../usecases/broadcasts/showBroadcasts.ts';

export const RECIPIENT_CSV_COLUMNS = [
  'address',
  'name',
  'department',
  'job title',
  'manager',
  'language',
  'delivery',
  'failure',
  'sent at',
  'acknowledged version',
  'acknowledged at',
  'reminders',
] as const;

/**
 * The export of a broadcast's recipients as CSV (RFC 4180, by csv-stringify), one row per person.
 * Every cell passes spreadsheetSafe, so a name such as `=HYPERLINK(…)` is text in any spreadsheet.
 */
export function recipientsCsv(rows: readonly ExportRow[]): string {
  const records = rows.map((row) => {
    const r = row.recipient;
    return [
      r.address,
      r.displayName,
      r.department ?? '',
      r.jobTitle ?? '',
      row.managerName,
      r.language,
      row.delivery?.status ?? 'queued',
      row.delivery?.reason ?? '',
      row.delivery?.sentAt ?? '',
      row.acknowledgedVersion?.toString() ?? '',
      row.acknowledgedAt ?? '',
      String(r.remindersSent),
    ].map(spreadsheetSafe);
  });
  // A BOM, so spreadsheet programs read the file as UTF-8 (æ, ø, å, ä, ö).
  return `\ufeff${stringify([[...RECIPIENT_CSV_COLUMNS], ...records], { record_delimiter: 'windows' })}`;
}
