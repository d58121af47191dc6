import { Router } from 'express';
import { certificatePdf } from '../../cards/certificates/certificatePdf.ts';
import { formatDay } from '../../cards/certificates/presenters/noticePresenter.ts';
import { textFor } from '../../domain/learning/program.ts';
import { languageFromLocale } from '../../domain/platform/language.ts';
import { messagesFor } from '../../messages/catalog.ts';
import type { CertificatesDeps } from '../../usecases/certificates/certificatesDeps.ts';
import { verifyCertificate } from '../../usecases/certificates/verifyCertificate.ts';

export type VerifyDeps = Pick<
  CertificatesDeps,
  'certifications' | 'certificationCatalog' | 'people' | 'clock' | 'policy'
>;

/**
 * `GET /verify/<code>`: is this certificate valid? Public, no sign-in: whoever holds the code (an
 * employer, an inspector) may ask. It answers only what the certificate shows; an unknown or
 * malformed code gets the same 404. `GET /verify/<code>/certificate.pdf` is the certificate itself.
 * `?lang=nb|sv` picks the language (default: the request's Accept-Language).
 */
export function verifyRoutes(deps: VerifyDeps): Router {
  const router = Router();
  router.get('/:code', async (req, res) => {
    const result = await verifyCertificate(deps, req.params.code);
    res.set('Cache-Control', 'no-store');
    if (result.kind === 'unknown') {
      res
        .status(404)
        .json({ error: { code: 'unknownCertificate', message: 'No certificate has this code.' } });
      return;
    }
    const language = languageOf(req.query.lang, req.headers['accept-language']);
    res.json({
      status: result.answer.status,
      holder: result.answer.holderName,
      certification: textFor(result.certificationTitle, language),
      certifiedOn: result.answer.certifiedOn,
      validUntil: result.answer.validUntil,
    });
  });
  router.get('/:code/certificate.pdf', async (req, res) => {
    const result = await verifyCertificate(deps, req.params.code);
    res.set('Cache-Control', 'no-store');
    if (result.kind === 'unknown') {
      res
        .status(404)
        .json({ error: { code: 'unknownCertificate', message: 'No certificate has this code.' } });
      return;
    }
    const language = languageOf(req.query.lang, req.headers['accept-language']);
    const t = messagesFor(language).certificates.pdf;
    const locale = messagesFor(language).step.dateLocale;
    const pdf = await certificatePdf({
      heading: t.heading,
      holderName: result.answer.holderName,
      certificationTitle: textFor(result.certificationTitle, language),
      lines: [
        { label: t.certifiedOn, value: formatDay(locale, result.answer.certifiedOn) },
        { label: t.validUntil, value: formatDay(locale, result.answer.validUntil) },
        { label: t.code, value: result.code },
      ],
      verifyText: t.verifyAt(`/verify/${result.code}`),
    });
    res
      .type('application/pdf')
      .set('Content-Disposition', 'inline; filename="certificate.pdf"')
      .send(Buffer.from(pdf));
  });
  return router;
}

function languageOf(lang: unknown, acceptLanguage: string | undefined) {
  return languageFromLocale(typeof lang === 'string' ? lang : acceptLanguage?.split(',')[0]);
}
