import type { placementEn } from './en.ts';

/** Text för placeringstester: att testa sig förbi en del man redan kan (svenska). */
export const placementSv: typeof placementEn = {
  kicker: 'Testa dig förbi',
  title: (part: string) => `Kan du redan ${part}?`,
  intro: (part: string, steps: number) =>
    `Gör ett kort test och hoppa över den här delen. Klarar du det tillgodoräknas ${part} genom test: ${steps === 1 ? 'kortet skickas' : `de ${steps} korten skickas`} inte.`,
  passMark: (percent: number) => `Du behöver ${percent} % rätt för att hoppa över delen.`,
  submit: 'Gör testet',
  decline: 'Nej tack, jag går igenom delen',
  passed: (right: number, total: number) => `Godkänt: ${right} av ${total} rätt`,
  passedBody: (part: string) => `${part} är tillgodoräknad genom test. Korten skickas inte.`,
  failed: (right: number, total: number) => `Inte den här gången: ${right} av ${total} rätt`,
  failedBody: (part: string) => `Korten i ${part} kommer som vanligt, så att du kan gå igenom delen.`,
  declined: (part: string) => `Korten i ${part} kommer som vanligt.`,
  chooseAnswer: 'Välj ett svar på varje fråga, eller gå igenom delen i stället.',
  recognisedByTest: 'Tillgodoräknad genom test',
};
