import type { certificatesEn } from './en.ts';

/** Text för certifieringar: aviseringarna medarbetare och chefer får (svenska). */
export const certificatesSv: typeof certificatesEn = {
  notice: {
    assigned: {
      title: (cert: string) => `Ny certifiering: ${cert}`,
      body: (program: string, due: string) =>
        `Din roll kräver det här certifikatet. Slutför **${program}** senast ${due}.`,
    },
    dueSoon: {
      title: (cert: string, days: number) => `${cert}: senast om ${days} dagar`,
      body: (program: string, due: string) => `Slutför **${program}** senast ${due} för att bli certifierad.`,
    },
    overdue: {
      title: (cert: string) => `${cert}: tiden har gått ut`,
      body: (program: string, due: string) =>
        `Certifikatet skulle vara klart ${due}. Slutför **${program}** så snart du kan, och be din chef om tid om du behöver det.`,
    },
    windowOpen: {
      title: (cert: string) => `Dags att förnya: ${cert}`,
      body: (program: string, validUntil: string) =>
        `Ditt certifikat gäller till ${validUntil}. Förnya det med **${program}** innan dess.`,
    },
    expiresSoon: {
      title: (cert: string, days: number) => `${cert} går ut om ${days} dagar`,
      body: (program: string, validUntil: string) =>
        `Ditt certifikat gäller till ${validUntil}. Slutför **${program}** för att förnya det.`,
    },
    expired: {
      title: (cert: string) => `${cert} har gått ut`,
      body: (program: string, validUntil: string) =>
        `Ditt certifikat gällde till ${validUntil}. Slutför **${program}** för att bli certifierad igen.`,
    },
    expiredToManager: {
      title: (name: string, cert: string) => `${name}: ${cert} har gått ut`,
      body: (name: string, program: string, validUntil: string) =>
        `Certifikatet gällde till ${validUntil}. ${name} är anmäld till **${program}** igen.`,
    },
    certified: {
      title: (cert: string) => `Du är certifierad: ${cert}`,
      body: (validUntil: string) => `Ditt certifikat gäller till ${validUntil}.`,
    },
    renewed: {
      title: (cert: string) => `Förnyat: ${cert}`,
      body: (validUntil: string) => `Ditt certifikat gäller till ${validUntil}.`,
    },
  },
  pdf: {
    heading: 'Certifikat',
    certifiedOn: 'Certifierad',
    validUntil: 'Giltigt till',
    code: 'Kontrollkod',
    verifyAt: (path: string) => `Kontrollera att certifikatet är giltigt på ${path}`,
  },
  card: {
    code: 'Certifikatets kontrollkod',
    download: 'Ladda ned certifikatet (PDF)',
  },
};
