import { describe, expect, it } from 'vitest';
import { ProgramSchema, textFor, urlFor, type ProgramInput } from './program.ts';

const t = (en: string, nb: string) => ({ en, nb });

/** A small valid program with one step of every kind; override parts per test. */
function programInput(overrides: Partial<ProgramInput> = {}): ProgramInput {
  return {
    id: 'test-program',
    version: 1,
    languages: ['en', 'nb'],
    mandatory: true,
    title: t('Title', 'Tittel'),
    description: t('Description', 'Beskrivelse'),
    steps: [
      {
        id: 'intro',
        kind: 'lesson',
        minutes: 3,
        due: { offsetDays: 0 },
        title: t('Intro', 'Intro'),
        body: t('Hello **there**', 'Hei **du**'),
        video: { url: 'https://video.example/intro', captionsUrl: 'https://video.example/intro.vtt' },
      },
      {
        id: 'check',
        kind: 'quiz',
        minutes: 2,
        due: { offsetWeeks: 1, from: 'hireDate' },
        title: t('Quiz', 'Quiz'),
        questions: [
          {
            id: 'q1',
            type: 'single',
            prompt: t('Pick one', 'Velg én'),
            options: [
              { text: t('Right', 'Riktig'), correct: true, feedback: t('Yes', 'Ja') },
              { text: t('Wrong', 'Feil'), feedback: t('No', 'Nei') },
            ],
          },
        ],
      },
      {
        id: 'think',
        kind: 'reflection',
        minutes: 5,
        due: { weekly: { day: 'monday', time: '09:00' } },
        title: t('Reflect', 'Reflekter'),
        prompt: t('What will you do?', 'Hva vil du gjøre?'),
      },
      {
        id: 'rules',
        kind: 'acknowledge',
        minutes: 3,
        due: { offsetDays: 2 },
        title: t('Rules', 'Regler'),
        text: t('Be kind', 'Vær snill'),
        textVersion: 1,
      },
      {
        id: 'meetup',
        kind: 'event',
        minutes: 60,
        due: { offsetDays: 5 },
        title: t('Meet', 'Møte'),
        description: t('Lunch', 'Lunsj'),
        meetingUrl: 'https://teams.example/meet',
        confirmedBy: 'facilitator',
      },
      {
        id: 'how-is-it-going',
        kind: 'checkin',
        minutes: 2,
        due: { offsetWeeks: 2 },
        title: t('Check-in', 'Innsjekk'),
        question: t('How is it going?', 'Hvordan går det?'),
        options: [t('Well', 'Bra'), t('Needs help', 'Trenger hjelp')],
      },
    ],
    ...overrides,
  };
}

function messages(input: unknown): string[] {
  const result = ProgramSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('ProgramSchema', () => {
  it('accepts a good program and fills in defaults', () => {
    const result = ProgramSchema.safeParse(programInput());
    expect(result.success).toBe(true);
    const program = result.data!;
    expect(program.spacedRepetition).toBe(true);
    expect(program.steps.map((s) => s.kind)).toEqual([
      'lesson',
      'quiz',
      'reflection',
      'acknowledge',
      'event',
      'checkin',
    ]);
    const quiz = program.steps[1];
    expect(quiz?.kind === 'quiz' && quiz.questions[0]?.options[1]?.correct).toBe(false);
    const ack = program.steps[3];
    expect(ack?.kind === 'acknowledge' && ack.textVersion).toBe('1');
    expect(program.steps[0]?.due).toEqual({ offsetDays: 0, from: 'start' });
  });

  it('rejects a single-choice question with two correct answers', () => {
    const input = programInput();
    const quiz = input.steps[1] as { questions: { options: { correct?: boolean }[] }[] };
    quiz.questions[0]!.options[1]!.correct = true;
    expect(messages(input)).toEqual([
      'steps.1.questions.0.options: a single-choice question needs exactly one correct option (found 2)',
    ]);
  });

  it('rejects a multiple-choice question with no correct answer', () => {
    const input = programInput();
    const quiz = input.steps[1] as { questions: { type: string; options: { correct?: boolean }[] }[] };
    quiz.questions[0]!.type = 'multiple';
    quiz.questions[0]!.options[0]!.correct = false;
    expect(messages(input)).toEqual([
      'steps.1.questions.0.options: a multiple-choice question needs at least one correct option',
    ]);
  });

  it('rejects a video without captions or transcript', () => {
    const input = programInput();
    (input.steps[0] as { video: object }).video = { url: 'https://video.example/intro' };
    expect(messages(input)).toEqual([
      expect.stringMatching(/^steps\.0\.video: a video needs captionsUrl or transcriptUrl/),
    ]);
  });

  it('names every text that lacks a language of the program', () => {
    const input = programInput();
    (input.steps[2] as { prompt: object }).prompt = { en: 'What will you do?' };
    input.title = { en: 'Title' };
    expect(messages(input)).toEqual(['title: missing text for nb', 'steps.2.prompt: missing text for nb']);
  });

  it('takes a link address for everyone, or one per language that must cover every language', () => {
    const withLink = (url: unknown) => {
      const input = programInput();
      (input.steps[0] as { link: object }).link = { url, label: t('Read more', 'Les mer') };
      return input;
    };
    expect(messages(withLink('https://example.org/'))).toEqual([]);
    expect(messages(withLink({ en: 'https://example.org/', nb: 'https://example.no/' }))).toEqual([]);
    expect(messages(withLink({ en: 'https://example.org/' }))).toEqual([
      'steps.0.link.url: missing text for nb',
    ]);
    expect(messages(withLink('http://example.org/'))).toEqual([
      'steps.0.link.url: use a full https:// address',
    ]);
    expect(messages(withLink(42))).toEqual([
      'steps.0.link.url: use a full https:// address, or one per language: { en: https://…, sv: https://… }',
    ]);
  });

  it('reports a language that some texts are in but the program does not list, once', () => {
    const input = programInput();
    input.title = { ...t('Title', 'Tittel'), sv: 'Titel' };
    (input.steps[2] as { prompt: object }).prompt = {
      ...t('What will you do?', 'Hva gjør du?'),
      sv: 'Vad gör du?',
    };
    const count = messages(input);
    expect(count).toEqual([
      expect.stringMatching(
        /^languages: 2 of \d+ texts are also in sv \(first: title\.sv\), but sv is not in languages: list it and translate every text, or remove the sv texts$/,
      ),
    ]);
  });

  it('names every text a listed language is missing from, when the translation is unfinished', () => {
    const input = programInput({ languages: ['en', 'nb', 'sv'] });
    input.title = { ...t('Title', 'Tittel'), sv: 'Titel' };
    const missing = messages(input).filter((m) => m.endsWith('missing text for sv'));
    expect(missing).toContain('description: missing text for sv');
    expect(missing).toContain('steps.0.title: missing text for sv');
    expect(missing).not.toContain('title: missing text for sv');
  });

  it('reports missing translations even when other parts are malformed', () => {
    const input = programInput({ mandatory: 'yes' as unknown as boolean });
    input.description = { en: 'Description' };
    (
      input.steps[1] as { questions: { options: { correct?: boolean }[] }[] }
    ).questions[0]!.options[1]!.correct = true;
    delete (input.steps[1] as { questions: { prompt?: unknown }[] }).questions[0]!.prompt;
    expect(messages(input)).toEqual([
      'mandatory: Invalid input: expected boolean, received string',
      'steps.1.questions.0.prompt: Invalid input: expected record, received undefined',
      'steps.1.questions.0.options: a single-choice question needs exactly one correct option (found 2)',
      'description: missing text for nb',
    ]);
  });

  it('rejects duplicate step ids', () => {
    const input = programInput();
    input.steps[3]!.id = 'intro';
    expect(messages(input)).toEqual(['steps.3.id: step id "intro" is already used by steps[0]']);
  });

  it('requires en among the languages', () => {
    expect(messages(programInput({ languages: ['nb'] }))).toContain('languages: languages must include en');
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    const input = programInput();
    (input.steps[0] as Record<string, unknown>).minuts = 3;
    expect(messages(input)).toEqual(['steps.0: Unrecognized key: "minuts"']);
  });

  it('rejects an event with neither place nor meeting link', () => {
    const input = programInput();
    delete (input.steps[4] as { meetingUrl?: string }).meetingUrl;
    expect(messages(input)).toEqual([
      'steps.4: an event needs a place (where) or a meeting link (meetingUrl)',
    ]);
  });

  it('rejects a bad weekly time', () => {
    const input = programInput();
    input.steps[2]!.due = { weekly: { day: 'monday', time: '9:00' } };
    expect(messages(input).join('\n')).toMatch(/use 24-hour HH:MM/);
  });
});

describe('urlFor', () => {
  it("gives the one address, or the one for the person's language", () => {
    expect(urlFor('https://example.org/', 'sv')).toBe('https://example.org/');
    const perCountry = { en: 'https://www.datatilsynet.no/', sv: 'https://www.imy.se/' };
    expect(urlFor(perCountry, 'sv-SE')).toBe('https://www.imy.se/');
    expect(urlFor(perCountry, 'nb')).toBe('https://www.datatilsynet.no/');
  });
});

describe('textFor', () => {
  const texts = { en: 'Hello', nb: 'Hei' };

  it('picks the exact language, then the base language, then the fallback', () => {
    expect(textFor(texts, 'nb')).toBe('Hei');
    expect(textFor(texts, 'nb-NO')).toBe('Hei');
    expect(textFor(texts, 'no')).toBe('Hei');
    expect(textFor(texts, 'nn-NO')).toBe('Hei');
    expect(textFor({ ...texts, nn: 'Hei på nynorsk' }, 'nn-NO')).toBe('Hei på nynorsk');
    expect(textFor(texts, 'sv-SE')).toBe('Hello');
    expect(textFor({ nb: 'Hei', sv: 'Hej' }, 'de', 'sv')).toBe('Hej');
  });

  it('falls back to any text rather than nothing', () => {
    expect(textFor({ nb: 'Hei' }, 'de')).toBe('Hei');
  });
});
