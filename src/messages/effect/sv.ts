import type { effectEn } from './en.ts';

/** Text för att mäta effekt: självskattningen och pulsen efter varje steg (svenska). */
export const effectSv: typeof effectEn = {
  selfAssessment: {
    before:
      'Innan du börjar: hur väl stämmer varje påstående in på dig i dag? Dina svar hjälper oss att förbättra programmet.',
    after: 'Nu när du är klar: hur väl stämmer varje påstående in på dig i dag? Jämför med var du började.',
    scale: ['1 · Inte alls', '2 · Lite', '3 · Delvis', '4 · Till stor del', '5 · Helt'],
    submit: 'Spara mina svar',
    missing: (count: number) =>
      count === 1
        ? 'Skatta påståendet som är markerat ovan.'
        : `Skatta alla ${count} påståenden som är markerade ovan.`,
    unrated: 'Välj ett tal från 1 till 5',
    saved: 'Sparat. Tack!',
    yourRating: (rating: number) => `Ditt svar: ${rating} av 5`,
    privacy: 'Bara du och HR ser dina egna svar; andra ser bara siffror om fem personer eller fler.',
    privacyShared:
      'Du, din chef och HR ser dina egna svar; andra ser bara siffror om fem personer eller fler.',
  },
  pulse: {
    question: 'Var det här användbart?',
    useful: 'Användbart',
    notUseful: 'Inte användbart',
    commentLabel: 'Något att tillägga? (valfritt)',
    commentPlaceholder: 'Vad skulle göra det bättre?',
    thanks: 'Tack för din återkoppling. Den hjälper oss att göra det här steget bättre.',
    tooLong: (max: number) => `Kommentaren är för lång: högst ${max} tecken. Inget sparades.`,
  },
};
