import type { certificatesEn } from './en.ts';

/** Tekst for sertifiseringer: varslene ansatte og ledere får (bokmål). */
export const certificatesNb: typeof certificatesEn = {
  notice: {
    assigned: {
      title: (cert: string) => `Ny sertifisering: ${cert}`,
      body: (program: string, due: string) =>
        `Rollen din krever dette sertifikatet. Fullfør **${program}** innen ${due}.`,
    },
    dueSoon: {
      title: (cert: string, days: number) => `${cert}: frist om ${days} dager`,
      body: (program: string, due: string) => `Fullfør **${program}** innen ${due} for å bli sertifisert.`,
    },
    overdue: {
      title: (cert: string) => `${cert}: fristen er passert`,
      body: (program: string, due: string) =>
        `Fristen for sertifikatet var ${due}. Fullfør **${program}** så snart du kan, og be lederen din om tid hvis du trenger det.`,
    },
    windowOpen: {
      title: (cert: string) => `Tid for fornyelse: ${cert}`,
      body: (program: string, validUntil: string) =>
        `Sertifikatet ditt gjelder til ${validUntil}. Forny det med **${program}** før den tid.`,
    },
    expiresSoon: {
      title: (cert: string, days: number) => `${cert} går ut om ${days} dager`,
      body: (program: string, validUntil: string) =>
        `Sertifikatet ditt gjelder til ${validUntil}. Fullfør **${program}** for å fornye det.`,
    },
    expired: {
      title: (cert: string) => `${cert} har gått ut`,
      body: (program: string, validUntil: string) =>
        `Sertifikatet ditt gjaldt til ${validUntil}. Fullfør **${program}** for å bli sertifisert igjen.`,
    },
    expiredToManager: {
      title: (name: string, cert: string) => `${name}: ${cert} har gått ut`,
      body: (name: string, program: string, validUntil: string) =>
        `Sertifikatet gjaldt til ${validUntil}. ${name} er meldt på **${program}** igjen.`,
    },
    certified: {
      title: (cert: string) => `Du er sertifisert: ${cert}`,
      body: (validUntil: string) => `Sertifikatet ditt gjelder til ${validUntil}.`,
    },
    renewed: {
      title: (cert: string) => `Fornyet: ${cert}`,
      body: (validUntil: string) => `Sertifikatet ditt gjelder til ${validUntil}.`,
    },
  },
  pdf: {
    heading: 'Sertifikat',
    certifiedOn: 'Sertifisert',
    validUntil: 'Gyldig til',
    code: 'Kontrollkode',
    verifyAt: (path: string) => `Sjekk at sertifikatet er gyldig på ${path}`,
  },
  card: {
    code: 'Kontrollkoden til sertifikatet',
    download: 'Last ned sertifikatet (PDF)',
  },
};
