// In-memory fakes of the certificates ports, and CertificatesDeps built from fakes, for use-case tests.
import type { Certification } from '../../../domain/certificates/certification.ts';
import type { CertificationRecord } from '../../../domain/certificates/certificationRecord.ts';
import { verificationCodeOf, type CodeEntry } from '../../../domain/certificates/verification.ts';
import { randomBytes } from 'node:crypto';
import type { Program } from '../../../domain/learning/program.ts';
import { FakeOutboundPipeline } from '../../delivery/testing/fakes.ts';
import { fakeLearningDeps, type FakeLearningDeps } from '../../learning/testing/fakes.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, Faults } from '../../platform/testing/fakes.ts';
import type { CertificatesDeps } from '../certificatesDeps.ts';
import { certificationCatalogOf, type CertificationStore, type ScheduledCheck } from '../ports.ts';

const recordKey = (r: Pick<CertificationRecord, 'tenantId' | 'userId' | 'certificationId'>) =>
  `${r.tenantId}|${r.userId}|${r.certificationId}`;
const checkKey = (c: ScheduledCheck) => `${c.tenantId}|${c.on}|${c.userId}|${c.certificationId}`;

export class FakeCertificationStore implements CertificationStore {
  readonly rows = new EtagRows<CertificationRecord>(recordKey);
  readonly checks = new Map<string, ScheduledCheck>();
  readonly codes = new Map<string, CodeEntry>();
  constructor(readonly faults = new Faults()) {}

  get(tenantId: string, userId: string, certificationId: string) {
    return this.faults.run('certifications.get', [tenantId, userId, certificationId], () =>
      this.rows.get(recordKey({ tenantId, userId, certificationId })),
    );
  }
  listForPerson(tenantId: string, userId: string) {
    return this.faults.run('certifications.listForPerson', [tenantId, userId], () =>
      this.rows.all().filter((r) => r.tenantId === tenantId && r.userId === userId),
    );
  }
  create(record: CertificationRecord) {
    return this.faults.run('certifications.create', [record], () => this.rows.create(record));
  }
  update(record: Stored<CertificationRecord>) {
    return this.faults.run('certifications.update', [record], () => this.rows.update(record));
  }
  listDue(tenantId: string, through: string, page: { limit: number; continuation?: string }) {
    return this.faults.run('certifications.listDue', [tenantId, through], () => {
      const due = [...this.checks.values()]
        .filter((c) => c.tenantId === tenantId && c.on <= through)
        .sort((a, b) => checkKey(a).localeCompare(checkKey(b)));
      // Like Table Storage: the continuation is the next key, so rows removed meanwhile shift nothing.
      const after = due.filter((c) => page.continuation === undefined || checkKey(c) >= page.continuation);
      const checks = after.slice(0, page.limit);
      const next = after[page.limit];
      return { checks, continuation: next ? checkKey(next) : undefined };
    });
  }
  listChecksOf(tenantId: string, certificationId: string, page: { limit: number; continuation?: string }) {
    return this.faults.run('certifications.listChecksOf', [tenantId, certificationId], () => {
      const all = [...this.checks.values()]
        .filter((c) => c.tenantId === tenantId && c.certificationId === certificationId)
        .sort((a, b) => checkKey(a).localeCompare(checkKey(b)));
      const after = all.filter((c) => page.continuation === undefined || checkKey(c) >= page.continuation);
      const next = after[page.limit];
      return { checks: after.slice(0, page.limit), continuation: next ? checkKey(next) : undefined };
    });
  }
  schedule(check: ScheduledCheck) {
    return this.faults.run('certifications.schedule', [check], () => {
      this.checks.set(checkKey(check), { ...check });
    });
  }
  unschedule(check: ScheduledCheck) {
    return this.faults.run('certifications.unschedule', [check], () => {
      this.checks.delete(checkKey(check));
    });
  }
  saveCode(entry: CodeEntry) {
    return this.faults.run('certifications.saveCode', [entry], () => {
      if (!this.codes.has(entry.code)) this.codes.set(entry.code, { ...entry });
    });
  }
  findCode(code: string) {
    return this.faults.run('certifications.findCode', [code], () => this.codes.get(code));
  }
  listForTenant(tenantId: string) {
    return this.faults.run('certifications.listForTenant', [tenantId], () => ({
      records: this.rows.all().filter((r) => r.tenantId === tenantId),
    }));
  }

  scheduledDays(): string[] {
    return [...this.checks.values()].map((c) => `${c.on} ${c.certificationId}`).sort();
  }
}

export type FakeCertificatesDeps = Omit<
  CertificatesDeps,
  'certifications' | 'outbound' | 'clock' | 'enrollments' | 'steps' | 'dueWork' | 'people'
> &
  Pick<FakeLearningDeps, 'clock' | 'enrollments' | 'steps' | 'dueWork' | 'people' | 'faults'> & {
    certifications: FakeCertificationStore;
    outbound: FakeOutboundPipeline;
  };

export function fakeCertificatesDeps(
  certifications: Certification[],
  programs: Program[],
  now?: Date,
): FakeCertificatesDeps {
  const learning = fakeLearningDeps(programs, now);
  return {
    ...learning,
    certifications: new FakeCertificationStore(learning.faults),
    certificationCatalog: certificationCatalogOf(certifications),
    outbound: new FakeOutboundPipeline({ now: () => learning.clock.now() }),
    newVerificationCode: () => verificationCodeOf(randomBytes(16)),
  };
}
