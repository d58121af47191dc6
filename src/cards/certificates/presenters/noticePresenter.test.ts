import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS } from '../../../domain/certificates/certificationLife.ts';
import { supportedLanguages } from '../../../domain/platform/language.ts';
import { presentCertificateNotice } from './noticePresenter.ts';

const view = {
  certificationTitle: 'Smoke diver',
  programTitle: 'Smoke diving',
  learnerName: 'Maja Berg',
  dueOn: '2026-03-31',
  validUntil: '2027-09-01',
};

describe('certification notices', () => {
  it('say what happened and what to do, in every language, for every notice', () => {
    for (const language of supportedLanguages) {
      for (const notice of NOTICE_KINDS) {
        const text = JSON.stringify(presentCertificateNotice({ ...view, language, notice, days: 7 }));
        expect(text).toContain('Smoke diver');
        if (notice !== 'certified' && notice !== 'renewed') expect(text).toContain('Smoke diving');
        if (notice === 'expiredToManager') expect(text).toContain('Maja Berg');
      }
    }
    expect(
      JSON.stringify(presentCertificateNotice({ ...view, language: 'nb', notice: 'expiresSoon', days: 7 })),
    ).toContain('Smoke diver går ut om 7 dager');
  });

  it('show a new certificate with its code and a link to its PDF', () => {
    const card = presentCertificateNotice(
      { ...view, language: 'en', notice: 'certified', verificationCode: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
      'https://drypp.example',
    );
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [{ title: "Your certificate's code", value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' }],
    });
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Download the certificate (PDF)',
        url: 'https://drypp.example/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ/certificate.pdf?lang=en',
      },
    ]);
    expect(JSON.stringify(card)).toContain('1 September 2027');
  });
});
