import type { managersEn } from './en.ts';

/** Tekst for ledere: læringstid, dytt, anerkjennelse, innsjekk (bokmål). */
export const managersNb: typeof managersEn = {
  learningTime: {
    formTitle: 'Be om læringstid',
    formIntro:
      'Be lederen din om å sette av tid til læring. Når lederen godkjenner, legger Drypp tiden inn i kalenderen din.',
    date: 'Dag',
    minutes: 'Minutter',
    minutesPlaceholder: 'f.eks. 60',
    purpose: 'Til hva',
    otherPurpose: 'Noe annet (skriv det under)',
    purposeText: 'Hva du skal lære',
    purposeTextPlaceholder: 'f.eks. førstehjelpskurset',
    send: 'Send til lederen min',
    problems: {
      dateMissing: 'Velg en dag.',
      dateInvalid: 'Drypp forstår ikke den datoen. Velg en dag i datovelgeren.',
      dateInPast: 'Velg i dag eller en senere dag.',
      dateTooFar: 'Velg en dag innen ett år.',
      minutesInvalid: 'Skriv minuttene som et helt tall, f.eks. 60.',
      minutesOutOfRange: (min: number, max: number) => `Be om ${min} til ${max} minutter.`,
      purposeMissing: 'Velg et av programmene dine, eller skriv hva tiden skal brukes til.',
      purposeTooLong: (max: number) => `Hold beskrivelsen under ${max} tegn.`,
      programNotYours: 'Velg et av dine egne programmer, eller skriv hva tiden skal brukes til.',
    },
    noManager:
      'Drypp vet ikke hvem lederen din er, så det er ingen å spørre. Be HR legge inn lederen din i katalogen.',
    notAllowed: 'Du kan bare be om læringstid for deg selv.',
    sentTitle: 'Forespørselen er sendt',
    sentBody: (manager: string) =>
      `Drypp har sendt forespørselen til ${manager || 'lederen din'}. Svaret kommer her.`,
    summary: (date: string, minutes: number) => `${minutes} minutter ${date}`,
    forPurpose: (purpose: string) => `Til: ${purpose}`,
    managerTitle: (name: string) => `${name} ber om læringstid`,
    managerIntro:
      'Der ledere setter av tid, skjer læringen. Godkjenn, så legges tiden inn i kalenderen deres.',
    comment: 'Kommentar (valgfritt)',
    commentPlaceholder: 'Et ord til dem',
    commentTooLong: (max: number) => `Hold kommentaren under ${max} tegn.`,
    approve: 'Godkjenn',
    deny: 'Avslå',
    status: {
      pending: 'Venter på svar',
      approved: 'Godkjent',
      denied: 'Avslått',
      cancelled: 'Trukket tilbake av den som spurte',
    },
    decidedBy: (status: string, name: string) => `${status} av ${name || 'en leder'}`,
    decidedInTab: 'Avgjort i fanen Mitt team.',
    alreadyDecided: 'Denne forespørselen er allerede avgjort; ingenting ble endret.',
    ownRequest: 'Du kan ikke avgjøre din egen forespørsel. Lederen din avgjør den.',
    notYours: 'Denne forespørselen avgjøres av personens leder; ingenting ble endret.',
    learnerApprovedTitle: 'Læringstid godkjent',
    learnerDeniedTitle: 'Læringstid ikke godkjent',
    booked: 'Den ligger i kalenderen din.',
    notBooked: 'Drypp fikk ikke lagt den inn i kalenderen din; legg den inn selv.',
    managerComment: (name: string) => `${name || 'Lederen din'} skrev:`,
    calendarSubject: (purpose: string) => `Læringstid: ${purpose}`,
    calendarBody: (manager: string) =>
      `Tid satt av til læring, godkjent av ${manager || 'lederen din'} i Drypp.`,
    unknown: 'Drypp fant ikke denne forespørselen. Ingenting ble endret.',
  },
  nudge: {
    title: 'Et vennlig dytt',
    body: (manager: string) =>
      `${manager || 'Lederen din'} tenker på deg: noen minutter på læringen din denne uken vil gjøre en forskjell.`,
    myLearningButton: 'Min læring',
  },
  recognition: {
    title: (manager: string) => `En takk fra ${manager || 'lederen din'}`,
    forWhat: (what: string) => `For at du fullførte ${what}`,
    suggestions: [
      'Godt jobbet, og takk for at du tok deg tid!',
      'Flott at du fullførte dette. Det betyr noe for teamet.',
      'Takk! Jeg så at du ble ferdig, og jeg setter pris på det.',
    ],
  },
  checkin: {
    kicker: (program: string) => `${program} · Innsjekk`,
    choose: 'Ditt svar',
    comment: 'Noe å legge til? (valgfritt)',
    send: 'Send',
    noOption: 'Velg et av svarene.',
    commentTooLong: (max: number) => `Hold kommentaren under ${max} tegn.`,
    saved: 'Takk. Svaret ditt er lagret og vises i fanen Mitt team.',
    alreadyAnswered: 'Denne innsjekken er allerede besvart; ingenting ble endret.',
    notYours: 'Denne innsjekken er for personens egen leder; ingenting ble endret.',
    outdated: 'Denne innsjekken er utdatert; ingenting ble lagret.',
  },
};
