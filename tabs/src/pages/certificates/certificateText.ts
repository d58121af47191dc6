import type { CertificateView } from '../../../../src/http/tabs/certificates/contract.ts';
import type { Messages } from '../../messages/index.ts';

/** A certificate in words: its status, and the date and days that matter for it. */
export function certificateLine(
  t: Messages,
  c: CertificateView,
  formatDate: (iso: string) => string,
): string {
  const parts = [t.certStatus(c.status)];
  if (c.status === 'certified' || c.status === 'renewalOpen') {
    if (c.validUntil) parts.push(t.certValidUntil(formatDate(c.validUntil)));
    if (c.daysLeft !== undefined && c.expiresWithin !== undefined) parts.push(t.certDaysLeft(c.daysLeft));
  } else if (c.status === 'expired' && c.validUntil) parts.push(t.certExpiredOn(formatDate(c.validUntil)));
  else parts.push(t.certDueOn(formatDate(c.dueOn)));
  return parts.join(' · ');
}

/** The badge colour of a status: what needs a manager's eye stands out. */
export function statusColor(c: CertificateView): 'success' | 'warning' | 'danger' | 'informative' {
  if (c.status === 'expired' || c.status === 'overdue') return 'danger';
  if (c.status === 'renewalOpen' || c.expiresWithin !== undefined) return 'warning';
  if (c.status === 'certified') return 'success';
  return 'informative';
}
