import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY_POLICY, privacyPoliciesOf, stillHeld } from './privacyPolicy.ts';
import { referenceProblem } from './privacyRequest.ts';

const rescue = '99999999-9999-4999-8999-999999999999';

describe('privacy policy per tenant', () => {
  it('takes the tenant’s entries over the file’s default over Drypp’s', () => {
    const policies = privacyPoliciesOf({
      default: { retention: { learningRecordsMonths: 18 } },
      tenants: { [rescue.toUpperCase()]: { legalHolds: { certificates: { years: 10 } } } },
    });
    expect(policies(rescue)).toEqual({
      legalHolds: { certificates: { years: 10 } },
      retention: { learningRecordsMonths: 18, certificatesMonths: 12 },
    });
    expect(policies('11111111-1111-4111-8111-111111111111').legalHolds).toEqual({});
    expect(privacyPoliciesOf()(rescue)).toEqual(DEFAULT_PRIVACY_POLICY);
  });

  it('holds a row for its years after it was made, and no longer', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(stillHeld('2016-12-03', 10, now)).toBe(true);
    expect(stillHeld('2016-12-01', 10, now)).toBe(false);
  });
});

describe('who asked, in the audit row', () => {
  it('takes a case reference and refuses what could name a person', () => {
    for (const ok of ['DPO-2026-17', 'case#42', 'hr-admin', 'SAK/2026:3'])
      expect(referenceProblem(ok)).toBeUndefined();
    for (const bad of ['kari@example.test', 'Kari Nordmann', '0f0e0d0c-0000-4000-8000-000000000001', ''])
      expect(referenceProblem(bad), bad).toBe('notAReference');
    expect(referenceProblem('x'.repeat(65))).toBe('tooLong');
  });
});
