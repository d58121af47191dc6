import { privacyNb } from './privacy/nb.ts';
import { placementNb } from './placement/nb.ts';
import { effectNb } from './effect/nb.ts';
import { broadcastsNb } from './broadcasts/nb.ts';
import { managersNb } from './managers/nb.ts';

import type { en } from './en.ts';
import { certificatesNb } from './certificates/nb.ts';
import { sessionsNb } from './sessions/nb.ts';

export const nb: typeof en = {
  welcome: {
    title: 'Velkommen til Drypp',
    body:
      'Drypp gir deg opplæring og læring her i Teams, noen minutter om gangen. ' +
      'Korte leksjoner, quizer og refleksjonsoppgaver kommer i denne chatten når det er tid for dem, og du svarer rett i kortet.',
    nextSteps: 'Du trenger ikke gjøre noe nå. Det første du skal gjøre, kommer hit så snart du er meldt på.',
    myLearningButton: 'Min læring',
    helpButton: 'Hjelp',
  },
  help: {
    title: 'Dette kan jeg hjelpe med',
    intro: 'Skriv en av disse kommandoene, eller bruk knappene:',
    commands: [
      {
        command: 'my learning',
        description: 'programmene dine, hvor langt du har kommet og hva som er neste',
      },
      { command: 'next', description: 'i et program i eget tempo: det neste steget nå' },
      { command: 'be om læringstid', description: 'be lederen din om tid til å lære' },
      { command: 'samlinger', description: 'registrer oppmøte på samlingene du leder' },
      { command: 'help', description: 'denne listen' },
    ],
    notUnderstood: 'Det forsto jeg ikke. Dette kan jeg hjelpe med:',
    privacy: 'Svarene dine ses bare av deg, HR og, der et program sier det, lederen din.',
  },
  next: {
    queued: 'Det neste er på vei og kommer om et øyeblikk.',
    notSelfPaced:
      'Programmene dine sender hvert steg når det er tid for det, så det er ingenting å hente tidlig.',
    nothingNext: 'Du har fått alt allerede: det er ikke noe neste steg som venter.',
  },
  managerNotice: {
    title: (name: string) => `${name} begynner hos deg`,
    starts: (name: string, start: string, department?: string) =>
      `${name} begynner ${start}${department ? ` i ${department}` : ''}. Dette er planen i Drypp:`,
    plan: 'Planen',
    program: (steps: number, mandatory: boolean) =>
      `${steps} korte steg · ${mandatory ? 'obligatorisk' : 'frivillig'}`,
    yourPart:
      'Sett av litt tid de første ukene til dette: der ledere gir tid, skjer læringen. Du ser framdriften i fanen Mitt team.',
  },
  myLearning: {
    title: 'Min læring',
    emptyTitle: 'Ingenting å lære ennå',
    emptyBody:
      'Du er ikke meldt på noe program. Når organisasjonen din melder deg på, kommer det første i denne chatten.',
    progress: (done: number, total: number) => `${done} av ${total} steg fullført`,
    nextItem: (title: string) => `Neste: ${title}`,
    nextDue: (date: string) => `Neste frist ${date}`,
    status: {
      active: 'Pågår',
      completed: 'Fullført',
      withdrawn: 'Avmeldt',
      expired: 'Utløpt',
    },
    unknownProgram: 'Et program som ikke lenger er tilgjengelig',
  },
  notServed: {
    title: 'Drypp er ikke satt opp for organisasjonen din',
    body: 'Drypp er ikke satt opp for organisasjonen din ennå, så ingenting ble lagret. Spør IT-avdelingen hvis du ventet å bruke det.',
  },
  cardAction: {
    opening: 'Åpner…',
    outdated: 'Dette kortet er utdatert. Skriv hjelp for å se hva du kan gjøre nå.',
  },
  error: {
    title: 'Noe gikk galt',
    body: 'Drypp fikk ikke fullført dette. Prøv igjen om litt. Hvis det skjer igjen, gi denne referansen til IT-støtte:',
  },
  step: {
    position: (step: number, total: number) => `Steg ${step} av ${total}`,
    mandatory: 'Obligatorisk',
    voluntary: 'Frivillig',
    minutes: (minutes: number) => `${minutes} min`,
    due: (date: string) => `frist ${date}`,
    reminder: (date: string | undefined) =>
      date ? `Påminnelse: fristen var ${date}` : 'Påminnelse: denne venter fortsatt på deg',
    done: 'Fullført ✓',
    dateLocale: 'nb-NO',
    lesson: {
      markDone: 'Merk som fullført',
      watchVideo: 'Se videoen',
      captions: 'Teksting',
      transcript: 'Les transkripsjonen',
    },
    quiz: {
      questionNumber: (n: number, total: number) => `Spørsmål ${n} av ${total}`,
      chooseOne: 'Velg ett svar',
      chooseAny: 'Velg alle som passer',
      submit: 'Send svar',
      attempt: (attempt: number, allowed: number) => `Forsøk ${attempt} av ${allowed}`,
      chooseAnswer: 'Velg et svar på hvert spørsmål',
      scored: (right: number, total: number, percent: number, passed: boolean) =>
        `Du fikk ${right} av ${total} riktige (${percent} %) – ${passed ? 'bestått' : 'ikke bestått'}`,
      passMark: (percent: number) => `Du må ha ${percent} % riktig for å bestå.`,
      youChose: (answers: string) => `Du valgte: ${answers}`,
      nothingChosen: 'Du valgte ingenting',
      tryAgain: 'Prøv igjen',
      attemptsLeft: (n: number) => (n === 1 ? 'Du har 1 forsøk igjen.' : `Du har ${n} forsøk igjen.`),
      noAttemptsLeft: 'Du har brukt alle forsøkene dine.',
      reviewLater: 'Spørsmålene du bommet på, kommer tilbake om noen dager, slik at du husker dem.',
    },
    review: {
      kicker: 'Repetisjon',
      title: 'Kort repetisjon',
      intro: 'Du bommet på dette sist – prøv igjen',
      submit: 'Send svar',
      correct: 'Riktig denne gangen ✓',
      wrong: 'Ikke helt ennå ✗',
      comesBackAgain: 'Spørsmålet kommer tilbake igjen senere.',
      learned: 'Nå sitter den. Spørsmålet kommer ikke tilbake.',
    },
    reflection: {
      label: 'Din refleksjon',
      placeholder: 'Skriv noen setninger …',
      limit: (max: number) => `Inntil ${max} tegn.`,
      share: 'Del med lederen min',
      shareNote: 'Lederen din ser refleksjonen bare hvis du velger å dele den.',
      submit: 'Lagre refleksjonen',
      empty: 'Skriv noe først',
      tooLong: (length: number, max: number) => `Refleksjonen er for lang: ${length} av ${max} tegn`,
      saved: 'Lagret ✓ Dette skrev du:',
      shared: 'Delt med lederen din.',
      notShared: 'Ikke delt med lederen din.',
    },
    acknowledge: {
      version: (version: string) => `Versjon ${version}`,
      confirm: 'Jeg har lest og forstått',
      confirmed: (version: string, at: string) =>
        `Du bekreftet ${at} at du har lest og forstått versjon ${version}.`,
    },
    event: {
      when: 'Når',
      where: 'Hvor',
      online: 'Nettmøte',
      join: 'Bli med',
      attended: 'Jeg deltok',
      selfConfirms: 'Trykk «Jeg deltok» når du har vært med.',
      facilitatorConfirms: 'Etter økten bekrefter kursholderen at du deltok.',
      attendanceConfirmed: 'Deltakelse bekreftet ✓',
    },
    programCompleted: {
      title: 'Godt jobbet!',
      body: (programTitle: string) => `Du har fullført ${programTitle}.`,
      next: 'Under Min læring ser du alt du har gjort.',
    },
  },
  outdated: {
    alreadyDone: {
      title: 'Allerede gjort',
      body: 'Du har allerede gjort dette steget, så svaret ble ikke lagret på nytt.',
    },
    oldVersion: {
      title: 'Kortet er utdatert',
      body: 'Programmet er oppdatert siden dette kortet ble sendt, så svaret ble ikke lagret. Åpne Min læring for å se hva som er neste.',
    },
    notYours: {
      title: 'Dette kortet er til noen andre',
      body: 'Bare den som fikk kortet, kan svare på det.',
    },
    notActive: {
      title: 'Programmet er ikke lenger aktivt',
      body: 'Du er ikke lenger med i dette programmet (det er fullført, avsluttet eller utløpt), så svaret ble ikke lagret.',
    },
    unknown: {
      title: 'Kortet er utdatert',
      body: 'Drypp fant ikke ut hva dette kortet gjelder nå, så svaret ble ikke lagret.',
    },
    nothingChanged: 'Ingenting er endret.',
  },
  managers: managersNb,
  broadcasts: broadcastsNb,
  certificates: certificatesNb,
  sessions: sessionsNb,
  effect: effectNb,
  privacy: privacyNb,
  placement: placementNb,
};
