import { describe, expect, it } from 'vitest';
import { testProgram } from './testing/testProgram.ts';
import {
  completedVia,
  doneSteps,
  partStatus,
  placementBefore,
  recognisePart,
  scorePlacement,
} from './placement.ts';
import { isProgramComplete } from './enrollmentState.ts';
import { ProgramSchema, type ProgramInput } from './program.ts';

const question = {
  id: 'p1',
  type: 'single' as const,
  prompt: { en: 'Which?', nb: 'Hvilken?' },
  options: [
    { text: { en: 'Right', nb: 'Riktig' }, correct: true, feedback: { en: 'Yes', nb: 'Ja' } },
    { text: { en: 'Wrong', nb: 'Feil' }, feedback: { en: 'No', nb: 'Nei' } },
  ],
};
const part = (overrides: Record<string, unknown> = {}) => ({
  id: 'basics-part',
  title: { en: 'The basics', nb: 'Det grunnleggende' },
  steps: ['welcome', 'check'],
  placement: { questions: [question, { ...question, id: 'p2' }] },
  ...overrides,
});
const program = testProgram({ parts: [part()] } as Partial<ProgramInput>);
const state = (stepId: string, status: 'scheduled' | 'sent' | 'done', extra = {}) => ({
  stepId,
  status,
  ...extra,
});

describe('placement quizzes', () => {
  it('is offered before the first step of its part only', () => {
    expect(placementBefore(program, 'welcome')?.id).toBe('basics-part');
    expect(placementBefore(program, 'check')).toBeUndefined();
  });

  it('is scored on the server from the chosen options: every answer right by default', () => {
    const [p] = program.parts;
    expect(scorePlacement(p!, { p1: [0], p2: [0] })).toEqual({ score: 1, passed: true });
    expect(scorePlacement(p!, { p1: [0], p2: [1] })).toEqual({ score: 0.5, passed: false });
    expect(scorePlacement(p!, { p1: [0] })).toEqual({ score: 0.5, passed: false });
    expect(scorePlacement({ ...p!, placement: undefined }, { p1: [0], p2: [0] }).passed).toBe(false);
  });

  it('recognises the part’s open steps, keeps what was done, and counts the two apart', () => {
    const at = new Date('2026-01-05T08:00:00Z');
    const states = [
      state('welcome', 'done', { doneAt: '2026-01-04T08:00:00Z' }),
      state('check', 'scheduled'),
    ];
    const changed = recognisePart(program.parts[0]!, states, at);
    expect(changed).toEqual([
      { stepId: 'check', status: 'done', doneAt: at.toISOString(), recognisedAt: at.toISOString() },
    ]);
    const after = [states[0]!, changed[0]!];
    expect(recognisePart(program.parts[0]!, after, at)).toEqual([]); // twice is once
    expect(partStatus(program.parts[0]!, after)).toBe('recognised');
    expect(doneSteps(after)).toEqual({ completed: 1, recognised: 1 });
    // Recognised steps count toward completion (and so toward a certification).
    expect(isProgramComplete(program, new Set([...after.map((s) => s.stepId), 'think']))).toBe(true);
    expect(completedVia(program, after)).toBe('program');
    expect(
      completedVia(
        program,
        recognisePart(program.parts[0]!, [state('welcome', 'scheduled'), state('check', 'scheduled')], at),
      ),
    ).toBe('recognised');
  });

  it('tells a part not started, under way and completed apart from recognised', () => {
    const p = program.parts[0]!;
    expect(partStatus(p, [state('welcome', 'scheduled'), state('check', 'scheduled')])).toBe('notStarted');
    expect(partStatus(p, [state('welcome', 'sent'), state('check', 'scheduled')])).toBe('inProgress');
    expect(partStatus(p, [state('welcome', 'done'), state('check', 'done')])).toBe('completed');
  });

  it('validates parts: steps that exist, each in one part, unique ids, every language', () => {
    const input = {
      ...program,
      parts: [
        part(),
        part({ steps: ['check', 'nowhere'], title: { en: 'Again' } }),
        part({ placement: { questions: [] } }),
      ],
    };
    // Every problem at once, as content validation reports them.
    expect(
      ProgramSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    ).toEqual([
      'parts.2.placement.questions: a placement quiz needs at least one question',
      'parts.1.id: part id "basics-part" is already used by parts[0]',
      'parts.2.id: part id "basics-part" is already used by parts[0]',
      'parts.1.steps.0: step "check" is already in part "basics-part"',
      'parts.1.steps.1: no step "nowhere" in this program',
      'parts.2.steps.0: step "welcome" is already in part "basics-part"',
      'parts.2.steps.1: step "check" is already in part "basics-part"',
      'parts.1.title: missing text for nb',
    ]);
  });
});
