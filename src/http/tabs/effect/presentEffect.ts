import { MIN_GROUP_SIZE, type Shown } from '../../../domain/effect/suppression.ts';
import type { GroupFigures } from '../../../domain/effect/programEffect.ts';
import { textFor } from '../../../domain/learning/program.ts';
import type { ProgramCatalog } from '../../../usecases/learning/programCatalog.ts';
import type { EffectOutcome } from '../../../usecases/effect/showEffect.ts';
import type { EffectGroupFiguresView, EffectResponse, FigureView } from './contract.ts';

/**
 * The snapshot as the tab shows it, in the caller's language: program, step, question and statement
 * texts from the content, managers by name. Hidden figures stay hidden: nothing is added to them.
 */
export function effectView(
  outcome: Extract<EffectOutcome, { kind: 'figures' }>,
  catalog: ProgramCatalog,
  language: string,
): EffectResponse {
  const { snapshot, managers } = outcome;
  const programs = (snapshot?.programs ?? []).flatMap((effect) => {
    const program = catalog.find(effect.programId);
    if (!program) return [];
    const stepOf = (id: string) => program.steps.find((s) => s.id === id);
    const statements = program.steps.flatMap((s) => (s.kind === 'self-assessment' ? s.statements : []));
    return [
      {
        programId: program.id,
        title: textFor(program.title, language),
        overall: group(effect.overall),
        departments: effect.departments.map((d) => ({
          name: d.department || null,
          figures: group(d.figures),
        })),
        managers: effect.managers.map((m) => ({
          name: managers.get(m.managerId)?.displayName ?? null,
          figures: group(m.figures),
        })),
        statements: effect.statements.map((s) => {
          const statement = statements.find((x) => x.id === s.statementId);
          return { ...s, text: statement ? textFor(statement.text, language) : s.statementId };
        }),
        questions: effect.questions.map((q) => {
          const step = stepOf(q.stepId);
          const question =
            step?.kind === 'quiz' ? step.questions.find((x) => x.id === q.questionId) : undefined;
          return {
            ...q,
            stepTitle: step ? textFor(step.title, language) : q.stepId,
            prompt: question ? textFor(question.prompt, language) : q.questionId,
          };
        }),
        steps: effect.steps.map((s) => {
          const step = stepOf(s.stepId);
          return { ...s, title: step ? textFor(step.title, language) : s.stepId };
        }),
        checkins: effect.checkins,
        learningTime: effect.learningTime ?? { shown: false },
      },
    ];
  });
  const involvement = snapshot?.involvement;
  return {
    ...(snapshot ? { at: snapshot.at } : {}),
    minGroupSize: MIN_GROUP_SIZE,
    programs,
    ...(involvement
      ? {
          involvement: {
            overall: involvement.overall,
            departments: involvement.departments.map((d) => ({
              name: d.department || null,
              figures: d.figures,
            })),
            managers: involvement.managers.map((m) => ({
              name: managers.get(m.managerId)?.displayName ?? null,
              figures: m.figures,
            })),
          },
        }
      : {}),
    actions: ['export', 'refresh'],
  };
}

function group(figures: Shown<GroupFigures>): FigureView<EffectGroupFiguresView> {
  return figures;
}
