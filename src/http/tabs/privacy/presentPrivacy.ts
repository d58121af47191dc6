import type { Language } from '../../../domain/platform/language.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { ErasureReport, PersonExport } from '../../../usecases/privacy/personalDataRequests.ts';
import type { PrivacyEraseResponse, PrivacyExportFile } from './contract.ts';

/** The export as the attachment holds it: the summary the CLI prints, then the rows it writes. */
export function exportFile(exported: PersonExport, language: Language): PrivacyExportFile {
  const text = messagesFor(language).privacy.exportSummary;
  const tables = Object.entries(exported.tables).map(([table, rows]) => {
    const own = rows.filter((r) => r.role === 'own').length;
    return { table, own, mentioned: rows.length - own };
  });
  const lines = [
    text.header(exported.person.personId, exported.exportedAt),
    ...(tables.length === 0
      ? [text.nothingHeld]
      : tables.map((t) => text.table(t.table, t.own, t.mentioned))),
    text.requestId(exported.requestId),
  ];
  return { summary: { lines, tables }, ...exported };
}

export function erasureView(report: ErasureReport, erasedBefore: boolean): PrivacyEraseResponse {
  const tables = Object.entries(report.tables).map(([table, c]) => ({
    table,
    deleted: c.deleted,
    anonymised: c.anonymised,
    kept: c.kept,
  }));
  const sum = (k: 'deleted' | 'anonymised' | 'kept') => tables.reduce((n, t) => n + t[k], 0);
  return {
    requestId: report.requestId,
    erasedAt: report.erasedAt,
    erasedBefore,
    totals: { deleted: sum('deleted'), anonymised: sum('anonymised'), kept: sum('kept') },
    tables,
    holds: Object.entries(report.holds).map(([hold, h]) => ({ hold, years: h.years, kept: h.kept })),
  };
}
