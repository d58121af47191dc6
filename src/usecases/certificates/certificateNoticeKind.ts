import type { Day } from '../../domain/certificates/calendarDays.ts';
import { renewalProgramOf } from '../../domain/certificates/certification.ts';
import type { CertificationNoticeKind } from '../../domain/certificates/certificationLife.ts';
import { textFor } from '../../domain/learning/program.ts';
import { personLanguage, type Language } from '../../domain/platform/language.ts';
import type { OutboundCardKind } from '../delivery/outboundPorts.ts';
import { CERTIFICATE_NOTICE_KIND, type CertificateNoticeRef } from './applyLifeStep.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

/** What a notice card shows, in the recipient's language; the presenter builds the card from it. */
export interface CertificateNoticeView {
  language: Language;
  notice: CertificationNoticeKind;
  days?: number;
  certificationTitle: string;
  /** What to do next: the full program, or the refresher inside the window. */
  programTitle: string;
  /** Whose certificate it is (a manager's notice names their report). */
  learnerName: string;
  dueOn: Day;
  validUntil?: Day;
  /** On certified and renewed: the new certificate's verification code. */
  verificationCode?: string;
}

export type CertificateNoticePresenter = (view: CertificateNoticeView) => object;

/** Notices about being certified: these say what is, so they never go stale. */
const ALWAYS_CURRENT: ReadonlySet<CertificationNoticeKind> = new Set(['certified', 'renewed']);
const RENEWAL: ReadonlySet<CertificationNoticeKind> = new Set(['windowOpen', 'expiresSoon']);

/**
 * The outbound pipeline's `certificate` kind: at send time it reads the record as it is now, so a
 * reminder for something done meanwhile (certified before "due in 3 days" went out, renewed before
 * "expires in 7 days") is skipped rather than sent.
 */
export function certificateNoticeKind(
  deps: Pick<CertificatesDeps, 'certifications' | 'certificationCatalog' | 'catalog' | 'people'>,
  present: CertificateNoticePresenter,
): OutboundCardKind {
  return {
    kind: CERTIFICATE_NOTICE_KIND,
    async render(item, context) {
      const ref = item.ref as unknown as CertificateNoticeRef;
      const certification = deps.certificationCatalog.find(ref.certificationId);
      if (!certification) return { skip: 'certificationRemoved' };
      const record = await deps.certifications.get(item.tenantId, ref.learnerId, ref.certificationId);
      if (!record) return { skip: 'noRecord' };
      const cycles = record.cycles.length;
      if (!ALWAYS_CURRENT.has(ref.notice) && cycles > ref.cycle) return { skip: 'doneMeanwhile' };
      const [recipient, learner] = await Promise.all([
        deps.people.get(item.tenantId, item.userId),
        item.userId === ref.learnerId ? undefined : deps.people.get(item.tenantId, ref.learnerId),
      ]);
      const language = personLanguage(recipient?.preferredLanguage, context.locale);
      const programId = RENEWAL.has(ref.notice) ? renewalProgramOf(certification) : certification.program;
      const cycle = ALWAYS_CURRENT.has(ref.notice) ? record.cycles[ref.cycle - 1] : record.cycles.at(-1);
      const card = present({
        language,
        notice: ref.notice,
        days: ref.days ?? undefined,
        certificationTitle: textFor(certification.title, language),
        programTitle: deps.catalog.titleOf(programId, language) ?? programId,
        learnerName: (learner ?? recipient)?.displayName ?? '',
        dueOn: record.dueOn,
        validUntil: cycle?.validUntil,
        verificationCode: ALWAYS_CURRENT.has(ref.notice) ? cycle?.verificationCode : undefined,
      });
      return { card };
    },
  };
}
