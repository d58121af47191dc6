import type { CertificationNotice, LifeStep } from '../../domain/certificates/certificationLife.ts';
import { noticeKey } from '../../domain/certificates/certificationLife.ts';
import type { CertificationRecord } from '../../domain/certificates/certificationRecord.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { OutboundItem } from '../../domain/delivery/outbound.ts';
import { enrollAgain } from '../learning/enrolling/enrollAgain.ts';
import { enrollPerson } from '../learning/enrolling/enrollPerson.ts';
import { withdrawEnrollment } from '../learning/enrolling/withdrawEnrollment.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

/** The outbound kind of every certification notice; its renderer is src/cards/certificates. */
export const CERTIFICATE_NOTICE_KIND = 'certificate';

/** What the renderer reads from an item's ref, at send time. */
export interface CertificateNoticeRef {
  certificationId: string;
  notice: CertificationNotice['kind'];
  cycle: number;
  days: number | null;
  /** Whose certificate it is (the recipient, or their report for a manager's notice). */
  learnerId: string;
}

/**
 * The outbound items for a step's notices: one per recipient, keyed by person, certification, cycle
 * and notice, so each goes out at most once per person per cycle however often it is enqueued. A
 * manager's notice needs a manager in the directory; without one it is not sent.
 */
export function noticeItems(
  record: Pick<CertificationRecord, 'tenantId' | 'userId' | 'certificationId'>,
  notices: readonly CertificationNotice[],
  managerId: string | undefined,
): OutboundItem[] {
  return notices.flatMap((notice) => {
    const to = notice.to === 'manager' ? managerId : record.userId;
    if (to === undefined) return [];
    const ref: CertificateNoticeRef = {
      certificationId: record.certificationId,
      notice: notice.kind,
      cycle: notice.cycle,
      days: notice.days ?? null,
      learnerId: record.userId,
    };
    return [
      {
        tenantId: record.tenantId,
        userId: to,
        key: noticeKey(record, notice),
        kind: CERTIFICATE_NOTICE_KIND,
        ref: { ...ref },
      },
    ];
  });
}

/**
 * Carries out what a step of the state machine asks for, before the record that says it happened is
 * written: the notices are enqueued (each by its key, so a repeat after a crash sends nothing more)
 * and the person is enrolled (idempotent, a new round keyed by certification and cycle). A person who
 * is no longer in the directory gets nothing; their record still moves on.
 */
export async function carryOut(
  deps: CertificatesDeps,
  step: LifeStep,
  person: Person | undefined,
): Promise<{ notices: number; enrolled: number }> {
  if (person === undefined) return { notices: 0, enrolled: 0 };
  const items = noticeItems(step.record, step.notices, person.managerId);
  if (items.length > 0) await deps.outbound.enqueue(items);
  let enrolled = 0;
  for (const action of step.enroll) {
    const outcome = action.again
      ? await enrollAgain(deps, {
          person,
          programId: action.programId,
          roundKey: `cert|${step.record.certificationId}|c${step.record.cycles.length}|${action.programId}`,
        })
      : await enrollPerson(deps, { person, programId: action.programId });
    if (outcome.kind === 'enrolled' || outcome.kind === 'startedAgain') enrolled++;
  }
  for (const programId of step.withdraw) {
    await withdrawEnrollment(deps, { tenantId: person.tenantId, userId: person.id, programId });
  }
  return { notices: items.length, enrolled };
}
