import type { certificatesEn } from './en.ts';

/** Sertifikater i fanen (Mitt team og Admin), på bokmål. */
export const certificatesNb: typeof certificatesEn = {
  certTitle: 'Sertifikater',
  certNone: 'Ingen av dine medarbeidere har eller trenger et sertifikat.',
  certStatus: (status: string) =>
    ({
      assigned: 'Ikke sertifisert ennå',
      overdue: 'Forfalt',
      certified: 'Gyldig',
      renewalOpen: 'Fornyelse åpen',
      expired: 'Utløpt',
    })[status] ?? status,
  certValidUntil: (date: string) => `gyldig til ${date}`,
  certDaysLeft: (days: number) => (days === 1 ? '1 dag igjen' : `${days} dager igjen`),
  certExpiredOn: (date: string) => `gikk ut ${date}`,
  certDueOn: (date: string) => `frist ${date}`,
  certCountValid: 'Gyldige',
  certCountWindowOpen: 'Fornyelse åpen',
  certCountExpiring: (days: number) => `Utløper innen ${days} dager`,
  certCountExpired: 'Utløpte',
  certCountNotYet: 'Ikke sertifisert ennå',
  certNudgeFor: (name: string) => `Send et dytt til ${name} om å fornye`,
  certSummary: 'Sertifikater i tall',

  adminCertificates: 'Sertifikater',
  certFilterCertification: 'Sertifisering',
  certFilterAll: 'Alle sertifiseringer',
  certFilterExpiring: 'Utløper innen',
  certFilterAny: 'Når som helst',
  certDays: (days: number) => `${days} dager`,
  certExpiriesByMonth: 'Sertifikater som går ut, per måned',
  certColMonth: 'Måned',
  certColExpiring: 'Går ut',
  certColPerson: 'Person',
  certColCertification: 'Sertifisering',
  certColStatus: 'Status',
  certColValidUntil: 'Gyldig til',
  certShowing: (shown: number, total: number) =>
    `De ${shown} mest presserende av ${total}; eksporten har alle.`,
  certNoneInOrganisation: 'Ingen sertifikater passer.',
};
