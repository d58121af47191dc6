import { privacySv } from './privacy/sv.ts';
import { placementSv } from './placement/sv.ts';
import { effectSv } from './effect/sv.ts';
import { broadcastsSv } from './broadcasts/sv.ts';
import { managersSv } from './managers/sv.ts';
import type { en } from './en.ts';
import { certificatesSv } from './certificates/sv.ts';
import { sessionsSv } from './sessions/sv.ts';

// Swedish as it is written in Swedish municipalities and regions, and in Finland's Swedish-speaking
// ones: plain, "du" throughout, no anglicisms where a Swedish word is in everyday use.
export const sv: typeof en = {
  welcome: {
    title: 'Välkommen till Drypp',
    body:
      'Drypp ger dig introduktion och lärande här i Teams, några minuter i taget. ' +
      'Korta lektioner, quiz och reflektionsfrågor kommer i den här chatten när det är dags för dem, och du svarar direkt i kortet.',
    nextSteps: 'Du behöver inte göra något nu. Det första kommer hit så snart du är anmäld till ett program.',
    myLearningButton: 'Mitt lärande',
    helpButton: 'Hjälp',
  },
  help: {
    title: 'Det här kan jag hjälpa till med',
    intro: 'Skriv något av de här kommandona, eller använd knapparna:',
    commands: [
      {
        command: 'mitt lärande',
        description: 'dina program, hur långt du har kommit och vad som är nästa steg',
      },
      { command: 'nästa', description: 'i ett program i egen takt: nästa steg direkt' },
      { command: 'begär lärtid', description: 'be din chef om tid att lära dig' },
      { command: 'träffar', description: 'registrera närvaro på träffarna du leder' },
      { command: 'hjälp', description: 'den här listan' },
    ],
    notUnderstood: 'Det förstod jag inte. Det här kan jag hjälpa till med:',
    privacy: 'Dina svar ser bara du, HR och, där ett program anger det, din chef.',
  },
  next: {
    queued: 'Nästa steg är på väg och kommer om en liten stund.',
    notSelfPaced:
      'Dina program skickar varje steg när det är dags för det, så det finns inget att hämta i förväg.',
    nothingNext: 'Du har redan fått allt: det finns inget nästa steg som väntar.',
  },
  managerNotice: {
    title: (name: string) => `${name} börjar i ditt team`,
    starts: (name: string, start: string, department?: string) =>
      `${name} börjar ${start}${department ? ` på ${department}` : ''}. Så här ser planen ut i Drypp:`,
    plan: 'Planen',
    program: (steps: number, mandatory: boolean) =>
      `${steps} korta steg · ${mandatory ? 'obligatoriskt' : 'frivilligt'}`,
    yourPart:
      'Avsätt lite tid under de första veckorna till det här – där chefer ger tid blir det lärande. Du följer hur det går under fliken Mitt team.',
  },
  myLearning: {
    title: 'Mitt lärande',
    emptyTitle: 'Inget att lära ännu',
    emptyBody:
      'Du är inte anmäld till något program. När din organisation anmäler dig kommer det första i den här chatten.',
    progress: (done: number, total: number) => `${done} av ${total} steg klara`,
    nextItem: (title: string) => `Nästa: ${title}`,
    nextDue: (date: string) => `Nästa steg senast ${date}`,
    status: {
      active: 'Pågår',
      completed: 'Slutfört',
      withdrawn: 'Avanmäld',
      expired: 'Har löpt ut',
    },
    unknownProgram: 'Ett program som inte längre finns',
  },
  notServed: {
    title: 'Drypp är inte konfigurerat för din organisation',
    body: 'Drypp är inte konfigurerat för din organisation ännu, så inget sparades. Fråga IT-avdelningen om du räknade med att använda det.',
  },
  cardAction: {
    opening: 'Öppnar …',
    outdated: 'Det här kortet är inaktuellt. Skriv hjälp för att se vad du kan göra nu.',
  },
  error: {
    title: 'Något gick fel',
    body: 'Drypp kunde inte slutföra det här. Försök igen om en stund. Om det händer igen, ge den här referensen till IT-supporten:',
  },
  step: {
    position: (step: number, total: number) => `Steg ${step} av ${total}`,
    mandatory: 'Obligatoriskt',
    voluntary: 'Frivilligt',
    minutes: (minutes: number) => `${minutes} min`,
    due: (date: string) => `senast ${date}`,
    reminder: (date: string | undefined) =>
      date
        ? `Påminnelse: det här skulle vara klart ${date}`
        : 'Påminnelse: det här väntar fortfarande på dig',
    done: 'Klart ✓',
    dateLocale: 'sv-SE',
    lesson: {
      markDone: 'Markera som klar',
      watchVideo: 'Titta på videon',
      captions: 'Undertexter',
      transcript: 'Läs utskriften',
    },
    quiz: {
      questionNumber: (n: number, total: number) => `Fråga ${n} av ${total}`,
      chooseOne: 'Välj ett svar',
      chooseAny: 'Välj alla som stämmer',
      submit: 'Skicka svar',
      attempt: (attempt: number, allowed: number) => `Försök ${attempt} av ${allowed}`,
      chooseAnswer: 'Välj ett svar på varje fråga',
      scored: (right: number, total: number, percent: number, passed: boolean) =>
        `Du fick ${right} av ${total} rätt (${percent} %) – ${passed ? 'godkänt' : 'inte godkänt'}`,
      passMark: (percent: number) => `Du behöver ${percent} % rätt för att bli godkänd.`,
      youChose: (answers: string) => `Du valde: ${answers}`,
      nothingChosen: 'Du valde inget',
      tryAgain: 'Försök igen',
      attemptsLeft: (n: number) => (n === 1 ? 'Du har 1 försök kvar.' : `Du har ${n} försök kvar.`),
      noAttemptsLeft: 'Du har använt alla dina försök.',
      reviewLater: 'Frågorna du missade kommer tillbaka om några dagar, så att de fastnar.',
    },
    review: {
      kicker: 'Repetition',
      title: 'Snabb repetition',
      intro: 'Den här missade du förra gången – försök igen',
      submit: 'Skicka svar',
      correct: 'Rätt den här gången ✓',
      wrong: 'Inte riktigt än ✗',
      comesBackAgain: 'Frågan kommer tillbaka igen senare.',
      learned: 'Nu sitter den. Frågan kommer inte tillbaka.',
    },
    reflection: {
      label: 'Din reflektion',
      placeholder: 'Skriv några meningar …',
      limit: (max: number) => `Högst ${max} tecken.`,
      share: 'Dela med min chef',
      shareNote: 'Din chef ser reflektionen bara om du väljer att dela den.',
      submit: 'Spara min reflektion',
      empty: 'Skriv något först',
      tooLong: (length: number, max: number) => `Reflektionen är för lång: ${length} av ${max} tecken`,
      saved: 'Sparat ✓ Det här skrev du:',
      shared: 'Delad med din chef.',
      notShared: 'Inte delad med din chef.',
    },
    acknowledge: {
      version: (version: string) => `Version ${version}`,
      confirm: 'Jag har läst och förstått',
      confirmed: (version: string, at: string) =>
        `Du bekräftade den ${at} att du har läst och förstått version ${version}.`,
    },
    event: {
      when: 'När',
      where: 'Var',
      online: 'Onlinemöte',
      join: 'Anslut',
      attended: 'Jag deltog',
      selfConfirms: 'Tryck på ”Jag deltog” när du har varit med.',
      facilitatorConfirms: 'Efter tillfället bekräftar kursledaren att du deltog.',
      attendanceConfirmed: 'Närvaro bekräftad ✓',
    },
    programCompleted: {
      title: 'Bra jobbat!',
      body: (programTitle: string) => `Du har slutfört ${programTitle}.`,
      next: 'Under Mitt lärande ser du allt du har gjort.',
    },
  },
  outdated: {
    alreadyDone: {
      title: 'Redan gjort',
      body: 'Du har redan gjort det här steget, så svaret sparades inte en gång till.',
    },
    oldVersion: {
      title: 'Kortet är inaktuellt',
      body: 'Programmet har uppdaterats sedan kortet skickades, så svaret sparades inte. Öppna Mitt lärande för att se vad som är nästa steg.',
    },
    notYours: {
      title: 'Det här kortet är till någon annan',
      body: 'Bara den som fick kortet kan svara på det.',
    },
    notActive: {
      title: 'Programmet är inte längre aktivt',
      body: 'Du är inte längre med i det här programmet (det är slutfört, avslutat eller har löpt ut), så svaret sparades inte.',
    },
    unknown: {
      title: 'Kortet är inaktuellt',
      body: 'Drypp kunde inte koppla kortet till något du håller på med nu, så svaret sparades inte.',
    },
    nothingChanged: 'Inget har ändrats.',
  },
  managers: managersSv,
  broadcasts: broadcastsSv,
  certificates: certificatesSv,
  sessions: sessionsSv,
  effect: effectSv,
  privacy: privacySv,
  placement: placementSv,
};
