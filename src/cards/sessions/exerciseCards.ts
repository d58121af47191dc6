import { textFor, type PracticalStep } from '../../domain/learning/program.ts';
import type { Messages } from '../../messages/catalog.ts';
import { card, executeButton, heading, paragraph, type AdaptiveCard } from '../platform/adaptiveCard.ts';
import { sessionCardVerbs } from '../platform/cardVerbs.ts';

export interface ExerciseCardView {
  t: Messages;
  language: string;
  step: PracticalStep;
  programTitle: string;
  learnerName: string;
  ref: { learnerId: string; programId: string; programVersion: number; stepId: string };
}

/** To the assessor: "Maja did the smoke-diving exercise: confirm". */
export function exerciseSignOffCard(view: ExerciseCardView, note?: string): AdaptiveCard {
  const e = view.t.sessions.exercise;
  return card(
    [
      paragraph(e.kicker(view.programTitle), { isSubtle: true, size: 'Small' }),
      heading(e.title(view.learnerName, textFor(view.step.title, view.language))),
      paragraph(textFor(view.step.description, view.language)),
      paragraph(e.body, { isSubtle: true }),
      ...(note ? [paragraph(note, { color: 'Attention', size: 'Small' })] : []),
    ],
    [executeButton(e.confirm, sessionCardVerbs.signOffExercise, { ...view.ref })],
  );
}

/** Replaces the assessor's card once signed off: read-only. */
export function exerciseSignedOffCard(view: ExerciseCardView, note?: string): AdaptiveCard {
  const e = view.t.sessions.exercise;
  return card([
    paragraph(e.kicker(view.programTitle), { isSubtle: true, size: 'Small' }),
    heading(e.title(view.learnerName, textFor(view.step.title, view.language))),
    paragraph(e.signedOff(view.learnerName), { color: 'Good', weight: 'Bolder' }),
    ...(note ? [paragraph(note, { isSubtle: true, size: 'Small' })] : []),
  ]);
}
