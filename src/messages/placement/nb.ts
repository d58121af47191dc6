import type { placementEn } from './en.ts';

/** Tekst for innplasseringstester: å teste seg ut av en del man allerede kan (bokmål). */
export const placementNb: typeof placementEn = {
  kicker: 'Test deg ut',
  title: (part: string) => `Kan du ${part} allerede?`,
  intro: (part: string, steps: number) =>
    `Ta en kort test og hopp over denne delen. Består du, godkjennes ${part} ved test: ${steps === 1 ? 'kortet sendes' : `de ${steps} kortene sendes`} ikke.`,
  passMark: (percent: number) => `Du må ha ${percent} % riktig for å hoppe over delen.`,
  submit: 'Ta testen',
  decline: 'Nei takk, jeg tar delen',
  passed: (right: number, total: number) => `Bestått: ${right} av ${total} riktig`,
  passedBody: (part: string) => `${part} er godkjent ved test. Kortene sendes ikke.`,
  failed: (right: number, total: number) => `Ikke denne gangen: ${right} av ${total} riktig`,
  failedBody: (part: string) => `Kortene i ${part} kommer som vanlig, så du kan gå gjennom delen.`,
  declined: (part: string) => `Kortene i ${part} kommer som vanlig.`,
  chooseAnswer: 'Velg et svar på hvert spørsmål, eller ta delen i stedet.',
  recognisedByTest: 'Godkjent ved test',
};
