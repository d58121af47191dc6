import type { en } from './en.ts';

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
      { command: 'help', description: 'denne listen' },
    ],
    notUnderstood: 'Det forsto jeg ikke. Dette kan jeg hjelpe med:',
    privacy: 'Svarene dine ses bare av deg, HR og, der et program sier det, lederen din.',
  },
  myLearning: {
    title: 'Min læring',
    emptyTitle: 'Ingenting å lære ennå',
    emptyBody:
      'Du er ikke meldt på noe program. Når organisasjonen din melder deg på, kommer det første i denne chatten.',
    progress: (done: number, total: number) => `${done} av ${total} steg fullført`,
    nextDue: (date: string) => `Neste frist ${date}`,
    status: {
      active: 'Pågår',
      completed: 'Fullført',
      withdrawn: 'Avmeldt',
      expired: 'Utløpt',
    },
    unknownProgram: 'Et program som ikke lenger er tilgjengelig',
  },
  cardAction: {
    opening: 'Åpner…',
    outdated: 'Dette kortet er utdatert. Skriv hjelp for å se hva du kan gjøre nå.',
  },
  error: {
    title: 'Noe gikk galt',
    body: 'Drypp fikk ikke fullført dette. Prøv igjen om litt. Hvis det skjer igjen, gi denne referansen til IT-støtte:',
  },
};
