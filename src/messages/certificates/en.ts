/** Text for certifications: the notices people and managers get (English). */
export const certificatesEn = {
  notice: {
    assigned: {
      title: (cert: string) => `New certification: ${cert}`,
      body: (program: string, due: string) =>
        `Your role needs this certificate. Complete **${program}** by ${due}.`,
    },
    dueSoon: {
      title: (cert: string, days: number) => `${cert}: due in ${days} days`,
      body: (program: string, due: string) => `Complete **${program}** by ${due} to be certified.`,
    },
    overdue: {
      title: (cert: string) => `${cert}: overdue`,
      body: (program: string, due: string) =>
        `Your certificate was due on ${due}. Complete **${program}** as soon as you can, and ask your manager for time if you need it.`,
    },
    windowOpen: {
      title: (cert: string) => `Time to renew: ${cert}`,
      body: (program: string, validUntil: string) =>
        `Your certificate is valid until ${validUntil}. Renew it with **${program}** before then.`,
    },
    expiresSoon: {
      title: (cert: string, days: number) => `${cert} expires in ${days} days`,
      body: (program: string, validUntil: string) =>
        `Your certificate is valid until ${validUntil}. Complete **${program}** to renew it.`,
    },
    expired: {
      title: (cert: string) => `${cert} has expired`,
      body: (program: string, validUntil: string) =>
        `Your certificate was valid until ${validUntil}. Complete **${program}** to be certified again.`,
    },
    expiredToManager: {
      title: (name: string, cert: string) => `${name}: ${cert} has expired`,
      body: (name: string, program: string, validUntil: string) =>
        `The certificate was valid until ${validUntil}. ${name} is enrolled in **${program}** again.`,
    },
    certified: {
      title: (cert: string) => `You are certified: ${cert}`,
      body: (validUntil: string) => `Your certificate is valid until ${validUntil}.`,
    },
    renewed: {
      title: (cert: string) => `Renewed: ${cert}`,
      body: (validUntil: string) => `Your certificate is valid until ${validUntil}.`,
    },
  },
  pdf: {
    heading: 'Certificate',
    certifiedOn: 'Certified on',
    validUntil: 'Valid until',
    code: 'Verification code',
    verifyAt: (path: string) => `Check that this certificate is valid at ${path}`,
  },
  card: {
    code: "Your certificate's code",
    download: 'Download the certificate (PDF)',
  },
};
