/**
 * Certificates in the tab (My team's and the Admin tab's), in English; part of the tab's catalogue
 * (../en.ts spreads them in), nb.ts and sv.ts beside it.
 */
export const certificatesEn = {
  certTitle: 'Certificates',
  certNone: 'None of your people holds or needs a certificate.',
  certStatus: (status: string) =>
    ({
      assigned: 'Not certified yet',
      overdue: 'Overdue',
      certified: 'Valid',
      renewalOpen: 'Renewal window open',
      expired: 'Expired',
    })[status] ?? status,
  certValidUntil: (date: string) => `valid until ${date}`,
  certDaysLeft: (days: number) => (days === 1 ? '1 day left' : `${days} days left`),
  certExpiredOn: (date: string) => `ran out ${date}`,
  certDueOn: (date: string) => `due ${date}`,
  certCountValid: 'Valid',
  certCountWindowOpen: 'Renewal window open',
  certCountExpiring: (days: number) => `Expiring within ${days} days`,
  certCountExpired: 'Expired',
  certCountNotYet: 'Not certified yet',
  certNudgeFor: (name: string) => `Send a nudge to ${name} to renew`,
  certSummary: 'Certificates in figures',

  adminCertificates: 'Certificates',
  certFilterCertification: 'Certification',
  certFilterAll: 'All certifications',
  certFilterExpiring: 'Expiring within',
  certFilterAny: 'Any time',
  certDays: (days: number) => `${days} days`,
  certExpiriesByMonth: 'Certificates running out, by month',
  certColMonth: 'Month',
  certColExpiring: 'Running out',
  certColPerson: 'Person',
  certColCertification: 'Certification',
  certColStatus: 'Status',
  certColValidUntil: 'Valid until',
  certShowing: (shown: number, total: number) =>
    `The ${shown} most urgent of ${total}; the export has them all.`,
  certNoneInOrganisation: 'No certificates match.',
};
