import { describe, expect, it } from 'vitest';
import { certificatesCsv } from './certificatesCsv.ts';

describe('certificates as CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas, and quotes as CSV needs', () => {
    const csv = certificatesCsv(
      [
        {
          standing: {
            userId: 'u1',
            certificationId: 'first-aid',
            status: 'certified',
            dueOn: '2026-02-01',
            validUntil: '2027-01-31',
            daysLeft: 30,
            expiresWithin: 30,
            cycles: 1,
          },
          user: 'maja@example.test',
          name: '=HYPERLINK("http://evil.example","click")',
          department: '+Rescue, "north"',
          certificationTitle: '@First aid',
        },
      ],
      { bom: true },
    );
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'user,name,department,certification,certification title,status,valid until,days left,due on,cycles',
      `maja@example.test,"'=HYPERLINK(""http://evil.example"",""click"")","'+Rescue, ""north""",first-aid,'@First aid,certified,2027-01-31,30,2026-02-01,1`,
      '',
    ]);
  });
});
