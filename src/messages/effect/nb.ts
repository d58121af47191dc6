import type { effectEn } from './en.ts';

/** Tekst for måling av effekt: egenvurderingen og pulsen etter hvert steg (bokmål). */
export const effectNb: typeof effectEn = {
  selfAssessment: {
    before:
      'Før du begynner: hvor godt passer hver påstand for deg i dag? Svarene dine hjelper oss å gjøre programmet bedre.',
    after: 'Nå som du er ferdig: hvor godt passer hver påstand for deg i dag? Sammenlign med der du startet.',
    scale: ['1 · Ikke i det hele tatt', '2 · Litt', '3 · Delvis', '4 · For det meste', '5 · Helt'],
    submit: 'Lagre svarene mine',
    missing: (count: number) =>
      count === 1
        ? 'Vurder påstanden som er merket over.'
        : `Vurder alle de ${count} påstandene som er merket over.`,
    unrated: 'Velg et tall fra 1 til 5',
    saved: 'Lagret. Takk!',
    yourRating: (rating: number) => `Svaret ditt: ${rating} av 5`,
    privacy: 'Bare du og HR ser dine egne svar; andre ser bare tall om fem personer eller flere.',
    privacyShared:
      'Du, lederen din og HR ser dine egne svar; andre ser bare tall om fem personer eller flere.',
  },
  pulse: {
    question: 'Var dette nyttig?',
    useful: 'Nyttig',
    notUseful: 'Ikke nyttig',
    commentLabel: 'Noe du vil legge til? (valgfritt)',
    commentPlaceholder: 'Hva ville gjort det bedre?',
    thanks: 'Takk for tilbakemeldingen. Den hjelper oss å gjøre dette steget bedre.',
    tooLong: (max: number) => `Kommentaren er for lang: høyst ${max} tegn. Ingenting ble lagret.`,
  },
};
