import type { CertificateNoticeView } from '../../../usecases/certificates/certificateNoticeKind.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import type { AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { dateFormat } from '../../platform/dateFormats.ts';
import { certificateNoticeCard } from '../noticeCard.ts';

/** "1 September 2027" in the person's language: certification days are calendar days, no zone. */
export function formatDay(locale: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/**
 * A certification notice in the recipient's language. A new certificate shows its verification code
 * and, where Drypp's public address is known, a button to its PDF.
 */
export function presentCertificateNotice(view: CertificateNoticeView, publicUrl?: string): AdaptiveCard {
  const t = messagesFor(view.language);
  const n = t.certificates.notice;
  const day = (d: string | undefined) => (d ? formatDay(t.step.dateLocale, d) : '');
  const cert = view.certificationTitle;
  const program = view.programTitle;
  const due = day(view.dueOn);
  const until = day(view.validUntil);
  const days = view.days ?? 0;
  const text: Record<CertificateNoticeView['notice'], { title: string; body: string }> = {
    assigned: { title: n.assigned.title(cert), body: n.assigned.body(program, due) },
    dueSoon: { title: n.dueSoon.title(cert, days), body: n.dueSoon.body(program, due) },
    overdue: { title: n.overdue.title(cert), body: n.overdue.body(program, due) },
    windowOpen: { title: n.windowOpen.title(cert), body: n.windowOpen.body(program, until) },
    expiresSoon: { title: n.expiresSoon.title(cert, days), body: n.expiresSoon.body(program, until) },
    expired: { title: n.expired.title(cert), body: n.expired.body(program, until) },
    expiredToManager: {
      title: n.expiredToManager.title(view.learnerName, cert),
      body: n.expiredToManager.body(view.learnerName, program, until),
    },
    certified: { title: n.certified.title(cert), body: n.certified.body(until) },
    renewed: { title: n.renewed.title(cert), body: n.renewed.body(until) },
  };
  const code = view.verificationCode;
  const facts = code ? [{ title: t.certificates.card.code, value: code }] : [];
  const download =
    code && publicUrl
      ? {
          title: t.certificates.card.download,
          url: `${publicUrl}/verify/${code}/certificate.pdf?lang=${view.language}`,
        }
      : undefined;
  return certificateNoticeCard(t, { ...text[view.notice], facts, download });
}
