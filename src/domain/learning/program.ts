// The program model: what a learning program is, as validated from content files.
// Pure: no I/O. The loader in src/content turns YAML + Markdown into the input of ProgramSchema.
import { z } from 'zod';

/** Lower-case letters, digits and hyphens: used for program, step and question ids. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens (e.g. "first-week")');

/** A language code as Teams and Graph give it, reduced to the language: en, nb, nn, sv, se. */
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'use a two- or three-letter language code (en, nb)');
export type LanguageCode = z.infer<typeof LanguageCode>;

/** User-facing text, one entry per language: `{ en: 'Welcome', nb: 'Velkommen' }`. */
export const LocalizedText = z.record(LanguageCode, z.string().trim().min(1, 'text is empty'));
export type LocalizedText = z.infer<typeof LocalizedText>;

const HttpsUrl = z.url({ protocol: /^https$/, error: 'use a full https:// address' });
/**
 * One address for everyone, or one per language where the right page differs by country (a national
 * authority, a law): `{ en: https://…, sv: https://… }`.
 */
const LocalizedUrl = z.union([HttpsUrl, z.record(LanguageCode, HttpsUrl)], {
  error: 'use a full https:// address, or one per language: { en: https://…, sv: https://… }',
});
export type LocalizedUrl = z.infer<typeof LocalizedUrl>;
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. 09:00');

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/** What an offset counts from: the day the person was enrolled, or their hire date from the directory. */
export const DueFrom = z.enum(['start', 'hireDate']);

/**
 * When a step is due: N days or weeks after `from` (default `start`), or on a weekly cadence — the
 * first given weekday and time (in the learner's time zone) after the previous step fell due, so
 * consecutive weekly steps land one week apart.
 */
export const DueSchema = z.union(
  [
    z.strictObject({ offsetDays: z.int().min(0), from: DueFrom.default('start') }),
    z.strictObject({ offsetWeeks: z.int().min(0), from: DueFrom.default('start') }),
    z.strictObject({ weekly: z.strictObject({ day: Weekday, time: Time }) }),
  ],
  {
    error: 'due must be { offsetDays: N }, { offsetWeeks: N } or { weekly: { day: monday, time: "09:00" } }',
  },
);
export type Due = z.infer<typeof DueSchema>;

const stepBase = {
  id: Slug,
  title: LocalizedText,
  /** Estimated minutes; every card shows it. */
  minutes: z.int().min(1).max(240),
  due: DueSchema,
  /** An optional step in a mandatory program is labelled voluntary and does not block completion. */
  optional: z.boolean().default(false),
};

export const LessonStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('lesson'),
  /** Markdown (the subset Adaptive Cards render: paragraphs, bold, italic, lists, links). */
  body: LocalizedText,
  image: z.strictObject({ url: HttpsUrl, alt: LocalizedText }).optional(),
  video: z
    .strictObject({ url: HttpsUrl, captionsUrl: HttpsUrl.optional(), transcriptUrl: HttpsUrl.optional() })
    .refine((v) => v.captionsUrl !== undefined || v.transcriptUrl !== undefined, {
      message: 'a video needs captionsUrl or transcriptUrl: people who cannot hear it must be able to follow',
    })
    .optional(),
  link: z.strictObject({ url: LocalizedUrl, label: LocalizedText }).optional(),
});

export const QuizOptionSchema = z.strictObject({
  text: LocalizedText,
  correct: z.boolean().default(false),
  /** Shown after the answer, whether this option was chosen rightly or wrongly. */
  feedback: LocalizedText,
});

export const QuizQuestionSchema = z
  .strictObject({
    /** Stable across program versions: spaced repetition tracks questions by id. */
    id: Slug,
    type: z.enum(['single', 'multiple']),
    prompt: LocalizedText,
    options: z.array(QuizOptionSchema).min(2, 'a question needs at least two options'),
  })
  .superRefine((q, ctx) => checkCorrectOptions(q, ctx), { when: (p) => isRecord(p.value) });

export const QuizStepSchema = z
  .strictObject({
    ...stepBase,
    kind: z.literal('quiz'),
    questions: z.array(QuizQuestionSchema).min(1, 'a quiz needs at least one question'),
    /** Share of questions answered right to pass, 0..1. */
    passMark: z.number().min(0).max(1).default(0.8),
    allowedAttempts: z.int().min(1).default(2),
  })
  .superRefine((quiz, ctx) => reportDuplicates(quiz.questions, ['questions'], 'question', ctx), {
    when: (p) => isRecord(p.value),
  });

export const ReflectionStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('reflection'),
  prompt: LocalizedText,
  /** The answer is 1 to maxLength characters. */
  maxLength: z.int().min(1).max(2000).default(2000),
  /** Whether the card offers "share with my manager" (the learner still chooses). */
  shareWithManager: z.boolean().default(true),
});

export const AcknowledgeStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('acknowledge'),
  /** Markdown: the guideline the person confirms they have read and understood. */
  text: LocalizedText,
  /** A new textVersion asks everyone to acknowledge again. */
  textVersion: z.union([z.string().trim().min(1), z.int().min(1)]).transform(String),
});

/** A person named in content by their sign-in name (UPN), as the directory knows them. */
export const PersonUpn = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'name the person by their sign-in name, e.g. maja.berg@kommune.no');

/** An IANA time zone such as Europe/Oslo. */
const TimeZoneName = z.string().refine(isTimeZone, 'use an IANA time zone, e.g. Europe/Oslo');

/**
 * One date of a live session: a learner picks one of them in the card and gets a calendar
 * invitation. Capacity is enforced on the server; the instructor (or the learner's manager) marks
 * who attended.
 */
export const EventSessionSchema = z
  .strictObject({
    id: Slug,
    /** Local date and time in the step's time zone. It lasts the step's minutes. */
    start: z.iso.datetime({ local: true, error: 'use a local date and time, e.g. 2025-09-01T09:00' }),
    where: LocalizedText.optional(),
    meetingUrl: HttpsUrl.optional(),
    capacity: z.int().min(1, 'a session needs room for at least one person').max(10_000),
    instructor: PersonUpn,
  })
  .refine((s) => s.where !== undefined || s.meetingUrl !== undefined, {
    message: 'a session needs a place (where) or a Teams meeting link (meetingUrl)',
  });

export const EventStepSchema = z
  .strictObject({
    ...stepBase,
    kind: z.literal('event'),
    description: LocalizedText,
    /** Local date and time (learner's time zone); without it the event is arranged around the due date. */
    when: z.iso
      .datetime({ local: true, error: 'use a local date and time, e.g. 2025-09-01T09:00' })
      .optional(),
    where: LocalizedText.optional(),
    meetingUrl: HttpsUrl.optional(),
    confirmedBy: z.enum(['self', 'facilitator']),
    /** Dates to choose from; with them, the instructor or the learner's manager marks attendance. */
    sessions: z
      .array(EventSessionSchema)
      .min(1, 'list at least one session, or leave sessions out')
      .optional(),
    /** The zone the sessions' times are in (default: the organisation's). */
    timeZone: TimeZoneName.optional(),
  })
  .refine((e) => e.sessions !== undefined || e.where !== undefined || e.meetingUrl !== undefined, {
    message: 'an event needs a place (where) or a meeting link (meetingUrl)',
  })
  .superRefine((e, ctx) => checkSessions(e, ctx), { when: (p) => isRecord(p.value) });

/**
 * A practical exercise, signed off by a named assessor: the assessor gets a card ("Maja did the
 * smoke-diving exercise: confirm"); the learner cannot confirm it themselves.
 */
export const PracticalStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('practical'),
  description: LocalizedText,
  assessor: PersonUpn,
});

export const CheckinStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('checkin'),
  /** Asked of the learner's manager, about the learner. */
  question: LocalizedText,
  options: z.array(LocalizedText).min(2, 'a check-in needs at least two options'),
  allowComment: z.boolean().default(true),
});

/** The scale of a self-assessment: 1 (not at all) to 5 (fully). */
export const SELF_ASSESSMENT_SCALE = { min: 1, max: 5 } as const;

/**
 * A few statements the learner rates on a 1–5 scale. A program places one at its start
 * (`phase: before`) and one at its end (`phase: after`) with the same statement ids, so it shows what
 * people felt they knew before and after. The answers are the learner's: their manager sees them
 * only where `shareWithManager` says so, HR always (src/domain/access/policies/stepPolicy.ts).
 */
export const SelfAssessmentStepSchema = z
  .strictObject({
    ...stepBase,
    kind: z.literal('self-assessment'),
    phase: z.enum(['before', 'after'], { error: 'phase must be before or after' }),
    statements: z
      .array(z.strictObject({ id: Slug, text: LocalizedText }))
      .min(1, 'a self-assessment needs at least one statement')
      .max(8, 'a self-assessment has at most 8 statements: keep it short'),
    shareWithManager: z.boolean().default(false),
  })
  .superRefine((step, ctx) => reportDuplicates(step.statements, ['statements'], 'statement', ctx), {
    when: (p) => isRecord(p.value),
  });

export const StepSchema = z.discriminatedUnion('kind', [
  LessonStepSchema,
  QuizStepSchema,
  ReflectionStepSchema,
  AcknowledgeStepSchema,
  EventStepSchema,
  CheckinStepSchema,
  SelfAssessmentStepSchema,
  PracticalStepSchema,
]);

/**
 * A part of a program: some of its steps, in order. With a `placement` quiz, a learner who shows
 * they know it already is offered the quiz before the part starts; passing it has the part
 * "recognised by test" and its cards are not sent.
 */
export const PartSchema = z.strictObject({
  id: Slug,
  title: LocalizedText,
  steps: z.array(Slug).min(1, 'a part needs at least one step'),
  placement: z
    .strictObject({
      questions: z.array(QuizQuestionSchema).min(1, 'a placement quiz needs at least one question'),
      /** Share of questions answered right to have the part recognised; default 1 (all right). */
      passMark: z.number().min(0).max(1).default(1),
    })
    .optional(),
});
export type Part = z.infer<typeof PartSchema>;

export const STEP_KINDS = [
  'lesson',
  'quiz',
  'reflection',
  'acknowledge',
  'event',
  'checkin',
  'self-assessment',
  'practical',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * Every user-facing text field, per step kind. `*` walks every item of an array. The program's
 * languages must all be present in each of these; adding a text field means adding it here.
 */
export const LOCALIZED_FIELDS: { program: string[] } & Record<StepKind, string[]> = {
  program: [
    'title',
    'description',
    'parts.*.title',
    'parts.*.placement.questions.*.prompt',
    'parts.*.placement.questions.*.options.*.text',
    'parts.*.placement.questions.*.options.*.feedback',
  ],
  lesson: ['title', 'body', 'image.alt', 'link.label', 'link.url'],
  quiz: ['title', 'questions.*.prompt', 'questions.*.options.*.text', 'questions.*.options.*.feedback'],
  reflection: ['title', 'prompt'],
  acknowledge: ['title', 'text'],
  event: ['title', 'description', 'where', 'sessions.*.where'],
  checkin: ['title', 'question', 'options.*'],
  'self-assessment': ['title', 'statements.*.text'],
  practical: ['title', 'description'],
};

export const ProgramSchema = z
  .strictObject({
    id: Slug,
    version: z.int().min(1),
    title: LocalizedText,
    description: LocalizedText,
    languages: z
      .array(LanguageCode)
      .min(1)
      .refine((l) => l.includes('en'), 'languages must include en'),
    mandatory: z.boolean(),
    /** Wrongly answered quiz questions come back later until answered right. */
    spacedRepetition: z.boolean().default(true),
    /** Learners may ask for the next step before it is due. */
    selfPaced: z.boolean().default(false),
    steps: z.array(StepSchema).min(1, 'a program needs at least one step'),
    /** Parts group consecutive steps; a part may have a placement quiz (src/domain/learning/placement.ts). */
    parts: z.array(PartSchema).default([]),
  })
  // Runs even when parts are malformed, so that every problem is reported at once.
  .superRefine((program, ctx) => checkProgram(program, ctx), { when: (p) => isRecord(p.value) });

export type Program = z.infer<typeof ProgramSchema>;
export type ProgramInput = z.input<typeof ProgramSchema>;
export type Step = z.infer<typeof StepSchema>;
export type LessonStep = z.infer<typeof LessonStepSchema>;
export type QuizStep = z.infer<typeof QuizStepSchema>;
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
export type QuizOption = z.infer<typeof QuizOptionSchema>;
export type ReflectionStep = z.infer<typeof ReflectionStepSchema>;
export type AcknowledgeStep = z.infer<typeof AcknowledgeStepSchema>;
export type EventStep = z.infer<typeof EventStepSchema>;
export type CheckinStep = z.infer<typeof CheckinStepSchema>;
export type SelfAssessmentStep = z.infer<typeof SelfAssessmentStepSchema>;
export type EventSession = z.infer<typeof EventSessionSchema>;
export type PracticalStep = z.infer<typeof PracticalStepSchema>;

/** A check-in is asked of the learner's manager, about the learner; every other step of the learner. */
export function isAskedOfManager(step: Step | undefined): boolean {
  return step?.kind === 'checkin';
}

/** A practical exercise's card goes to its assessor, who signs it off; every other step's as above. */
export function assessorOf(step: Step | undefined): string | undefined {
  return step?.kind === 'practical' ? step.assessor : undefined;
}

/** Whether a step must be done for the program to count as completed. */
export function isMandatoryStep(program: Program, step: Step): boolean {
  return program.mandatory && !step.optional;
}

/**
 * The text in the person's language: exact match (`nb-NO`), then the base language (`nb`), then Bokmål
 * for other Norwegian tags (`no`, `nn`: closer than English), then `fallback`, then whatever there is.
 */
export function textFor(texts: LocalizedText, language: string, fallback = 'en'): string {
  const exact = language.toLowerCase();
  const base = exact.split(/[-_]/)[0] ?? exact;
  const candidates = [exact, base, ...(base === 'no' || base === 'nn' ? ['nb'] : []), fallback];
  for (const candidate of candidates) {
    const text = texts[candidate];
    if (text !== undefined) return text;
  }
  return Object.values(texts)[0] ?? '';
}

/** The address for the person's language when a link has one per language, as `textFor` picks text. */
export function urlFor(url: LocalizedUrl, language: string): string {
  return typeof url === 'string' ? url : textFor(url, language);
}

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

// The value may be partly malformed here (see `when` above): read it as unknown.
function checkProgram(program: unknown, ctx: Ctx): void {
  if (!isRecord(program)) return;
  const languages = Array.isArray(program.languages)
    ? program.languages.filter((l): l is string => typeof l === 'string')
    : [];
  reportDuplicateLanguages(languages, ctx);

  const steps = Array.isArray(program.steps) ? program.steps : [];
  reportDuplicates(steps, ['steps'], 'step', ctx);
  checkParts(program.parts, steps, ctx);

  reportUnpairedSelfAssessments(steps, ctx);

  const texts = fieldsAt(program, LOCALIZED_FIELDS.program, []);
  steps.forEach((step, i) => {
    if (!isRecord(step) || !isStepKind(step.kind)) return;
    texts.push(...fieldsAt(step, LOCALIZED_FIELDS[step.kind], ['steps', i]));
  });
  // Where a text is in a language the program does not list, someone began a translation and did not
  // finish it (or forgot to list it): learners of that language would get a mix. Reported once per
  // language, where the languages are listed, with how far the translation got and its first text.
  const undeclared = new Map<string, { count: number; first: Path }>();
  const localized = texts.filter((text) => isRecord(text.value));
  for (const { path, value } of localized) {
    if (!isRecord(value)) continue;
    const missing = languages.filter((l) => value[l] === undefined);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', path, message: `missing text for ${missing.join(', ')}` });
    }
    for (const language of Object.keys(value).filter((l) => !languages.includes(l))) {
      const seen = undeclared.get(language);
      if (seen) seen.count++;
      else undeclared.set(language, { count: 1, first: [...path, language] });
    }
  }
  for (const [language, { count, first }] of undeclared) {
    ctx.addIssue({
      code: 'custom',
      path: ['languages'],
      message:
        `${count} of ${localized.length} texts are also in ${language} (first: ${formatDataPath(first)}), ` +
        `but ${language} is not in languages: list it and translate every text, or remove the ${language} texts`,
    });
  }
}

/** Every step a part names exists, and belongs to one part only; part ids are unique. */
function checkParts(parts: unknown, steps: unknown[], ctx: Ctx): void {
  if (!Array.isArray(parts)) return;
  reportDuplicates(parts, ['parts'], 'part', ctx);
  const known = new Set(steps.flatMap((s) => (isRecord(s) && typeof s.id === 'string' ? [s.id] : [])));
  const partOf = new Map<string, string>();
  parts.forEach((part, i) => {
    if (!isRecord(part) || !Array.isArray(part.steps)) return;
    part.steps.forEach((stepId, j) => {
      if (typeof stepId !== 'string') return;
      const path = ['parts', i, 'steps', j];
      if (!known.has(stepId)) {
        ctx.addIssue({ code: 'custom', path, message: `no step "${stepId}" in this program` });
        return;
      }
      const other = partOf.get(stepId);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `step "${stepId}" is already in part "${other}"` });
        return;
      }
      partOf.set(stepId, typeof part.id === 'string' ? part.id : String(i));
    });
  });
}

/** `steps[2].questions[0].prompt`: how content authors see a place in their program. */
function formatDataPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Before and after are compared statement by statement: at most one of each phase, the before one
 * first, and an after with exactly the before's statement ids (an after alone compares with nothing).
 */
function reportUnpairedSelfAssessments(steps: unknown[], ctx: Ctx): void {
  const found = steps.flatMap((step, index) =>
    isRecord(step) && step.kind === 'self-assessment' && (step.phase === 'before' || step.phase === 'after')
      ? [{ index, phase: step.phase, ids: statementIds(step.statements) }]
      : [],
  );
  for (const phase of ['before', 'after'] as const) {
    const ofPhase = found.filter((f) => f.phase === phase);
    for (const extra of ofPhase.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', extra.index, 'phase'],
        message: `a program has at most one self-assessment with phase ${phase} (steps[${ofPhase[0]!.index}] is one)`,
      });
    }
  }
  const before = found.find((f) => f.phase === 'before');
  const after = found.find((f) => f.phase === 'after');
  if (after && !before) {
    ctx.addIssue({
      code: 'custom',
      path: ['steps', after.index, 'phase'],
      message: 'an after self-assessment needs a before one earlier in the program, to compare with',
    });
  }
  if (!before || !after) return;
  if (after.index < before.index) {
    ctx.addIssue({
      code: 'custom',
      path: ['steps', after.index, 'phase'],
      message: `the after self-assessment comes before the before one (steps[${before.index}])`,
    });
  }
  const same = before.ids.length === after.ids.length && before.ids.every((id) => after.ids.includes(id));
  if (!same) {
    ctx.addIssue({
      code: 'custom',
      path: ['steps', after.index, 'statements'],
      message: `the after self-assessment must rate the same statements as the before one (${before.ids.join(', ')})`,
    });
  }
}

function statementIds(statements: unknown): string[] {
  if (!Array.isArray(statements)) return [];
  return statements.flatMap((s) => (isRecord(s) && typeof s.id === 'string' ? [s.id] : []));
}

function checkSessions(event: unknown, ctx: Ctx): void {
  if (!isRecord(event) || !Array.isArray(event.sessions)) return;
  reportDuplicates(event.sessions, ['sessions'], 'session', ctx);
  if (event.when !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['when'],
      message: 'an event with sessions takes its times from them: remove when',
    });
  if (event.confirmedBy === 'self')
    ctx.addIssue({
      code: 'custom',
      path: ['confirmedBy'],
      message:
        'attendance at a session is marked by its instructor or the manager: use confirmedBy: facilitator',
    });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    // RangeError: Intl knows no such zone.
    return false;
  }
}

function checkCorrectOptions(question: unknown, ctx: Ctx): void {
  if (!isRecord(question) || !Array.isArray(question.options)) return;
  const correct = question.options.filter((o) => isRecord(o) && o.correct === true).length;
  if (question.type === 'single' && correct !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: `a single-choice question needs exactly one correct option (found ${correct})`,
    });
  }
  if (question.type === 'multiple' && correct < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'a multiple-choice question needs at least one correct option',
    });
  }
}

function reportDuplicateLanguages(languages: string[], ctx: Ctx): void {
  const seen = new Set<string>();
  languages.forEach((l, i) => {
    if (seen.has(l))
      ctx.addIssue({ code: 'custom', path: ['languages', i], message: `${l} is listed twice` });
    seen.add(l);
  });
}

function reportDuplicates(items: unknown, path: Path, what: string, ctx: Ctx): void {
  if (!Array.isArray(items)) return;
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, i);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [...path, i, 'id'],
      message: `${what} id "${item.id}" is already used by ${path.join('.')}[${first}]`,
    });
  });
}

/** The values found at dotted field specs such as `questions.*.prompt`, with their paths. */
function fieldsAt(root: unknown, specs: string[], base: Path): { path: Path; value: unknown }[] {
  const found: { path: Path; value: unknown }[] = [];
  const walk = (value: unknown, parts: string[], path: Path): void => {
    if (value === undefined) return;
    const [head, ...rest] = parts;
    if (head === undefined) {
      found.push({ path, value });
    } else if (head === '*') {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, rest, [...path, i]));
    } else if (isRecord(value)) {
      walk(value[head], rest, [...path, head]);
    }
  };
  for (const spec of specs) walk(root, spec.split('.'), base);
  return found;
}

function isStepKind(value: unknown): value is StepKind {
  return typeof value === 'string' && (STEP_KINDS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
