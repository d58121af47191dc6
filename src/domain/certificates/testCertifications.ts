// Certifications for tests: parsed by the real schema, so a test cannot use one content could not have.
import { CertificationSchema, type Certification, type CertificationInput } from './certification.ts';

export function testCertification(overrides: Partial<CertificationInput> = {}): Certification {
  return CertificationSchema.parse({
    id: 'smoke-diving',
    version: 1,
    languages: ['en'],
    title: { en: 'Smoke diving' },
    program: 'smoke-diving-course',
    refresherProgram: 'smoke-diving-refresher',
    firstDueDays: 30,
    validity: { months: 12 },
    renewalWindowDays: 60,
    expiryCountsFrom: 'previousExpiry',
    reminders: { beforeDueDays: [14, 3], beforeExpiryDays: [30, 7] },
    ...overrides,
  });
}
