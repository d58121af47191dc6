import type { certificatesEn } from './en.ts';

/** Certifikat i fliken (Mitt team och Admin), på svenska. */
export const certificatesSv: typeof certificatesEn = {
  certTitle: 'Certifikat',
  certNone: 'Ingen av dina medarbetare har eller behöver ett certifikat.',
  certStatus: (status: string) =>
    ({
      assigned: 'Inte certifierad än',
      overdue: 'Försenad',
      certified: 'Giltigt',
      renewalOpen: 'Förnyelse öppen',
      expired: 'Utgånget',
    })[status] ?? status,
  certValidUntil: (date: string) => `giltigt till ${date}`,
  certDaysLeft: (days: number) => (days === 1 ? '1 dag kvar' : `${days} dagar kvar`),
  certExpiredOn: (date: string) => `gick ut ${date}`,
  certDueOn: (date: string) => `senast ${date}`,
  certCountValid: 'Giltiga',
  certCountWindowOpen: 'Förnyelse öppen',
  certCountExpiring: (days: number) => `Går ut inom ${days} dagar`,
  certCountExpired: 'Utgångna',
  certCountNotYet: 'Inte certifierade än',
  certNudgeFor: (name: string) => `Skicka en knuff till ${name} om att förnya`,
  certSummary: 'Certifikat i siffror',

  adminCertificates: 'Certifikat',
  certFilterCertification: 'Certifiering',
  certFilterAll: 'Alla certifieringar',
  certFilterExpiring: 'Går ut inom',
  certFilterAny: 'När som helst',
  certDays: (days: number) => `${days} dagar`,
  certExpiriesByMonth: 'Certifikat som går ut, per månad',
  certColMonth: 'Månad',
  certColExpiring: 'Går ut',
  certColPerson: 'Person',
  certColCertification: 'Certifiering',
  certColStatus: 'Status',
  certColValidUntil: 'Giltigt till',
  certShowing: (shown: number, total: number) =>
    `De ${shown} mest brådskande av ${total}; exporten har alla.`,
  certNoneInOrganisation: 'Inga certifikat matchar.',
};
