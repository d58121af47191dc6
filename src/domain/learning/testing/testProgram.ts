import { ProgramSchema, type Program, type ProgramInput } from '../program.ts';

/** A validated program: a lesson, a quiz (one single-choice question) and a reflection by default. */
export function testProgram(overrides: Partial<ProgramInput> = {}): Program {
  return ProgramSchema.parse({
    id: 'basics',
    version: 1,
    title: { en: 'Basics', nb: 'Grunnleggende' },
    description: { en: 'The basics.', nb: 'Det grunnleggende.' },
    languages: ['en', 'nb'],
    mandatory: true,
    spacedRepetition: true,
    steps: [
      {
        id: 'welcome',
        kind: 'lesson',
        due: { offsetDays: 0 },
        minutes: 2,
        title: { en: 'Welcome', nb: 'Velkommen' },
        body: { en: 'Hello.', nb: 'Hei.' },
      },
      {
        id: 'check',
        kind: 'quiz',
        due: { offsetDays: 1 },
        minutes: 2,
        title: { en: 'Check', nb: 'Sjekk' },
        passMark: 1,
        allowedAttempts: 2,
        questions: [
          {
            id: 'q1',
            type: 'single',
            prompt: { en: 'Right?', nb: 'Riktig?' },
            options: [
              { text: { en: 'Yes', nb: 'Ja' }, correct: true, feedback: { en: 'Right.', nb: 'Riktig.' } },
              { text: { en: 'No', nb: 'Nei' }, correct: false, feedback: { en: 'Not so.', nb: 'Nei.' } },
            ],
          },
        ],
      },
      {
        id: 'think',
        kind: 'reflection',
        due: { offsetDays: 2 },
        minutes: 3,
        title: { en: 'Think', nb: 'Tenk' },
        prompt: { en: 'What now?', nb: 'Hva nå?' },
        maxLength: 100,
        shareWithManager: true,
      },
    ],
    ...overrides,
  });
}
