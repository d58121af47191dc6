import { textFor, type QuizQuestion } from '../../../../domain/learning/program.ts';
import type { Messages } from '../../../../messages/catalog.ts';
import { paragraph, type CardElement } from '../../../platform/adaptiveCard.ts';
import { quizInputId } from '../stepActionSchemas.ts';

/** One question as radio buttons or checkboxes; `selected` keeps what the person chose when the card returns. */
export function questionInput(
  t: Messages,
  language: string,
  question: QuizQuestion,
  position: { index: number; total: number },
  selected: number[] | undefined,
): CardElement {
  const multiple = question.type === 'multiple';
  const hint = multiple ? t.step.quiz.chooseAny : t.step.quiz.chooseOne;
  const counter =
    position.total > 1 ? `${t.step.quiz.questionNumber(position.index + 1, position.total)} · ` : '';
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      paragraph(`${counter}${hint}`, { isSubtle: true, size: 'Small' }),
      {
        type: 'Input.ChoiceSet',
        id: quizInputId(question.id),
        label: textFor(question.prompt, language),
        style: 'expanded',
        isMultiSelect: multiple,
        isRequired: true,
        errorMessage: t.step.quiz.chooseAnswer,
        choices: question.options.map((option, i) => ({
          title: textFor(option.text, language),
          value: `${i}`,
        })),
        ...(selected && selected.length > 0 ? { value: selected.join(',') } : {}),
      },
    ],
  };
}

export interface QuestionOutcome {
  correct: boolean;
  chosen: number[];
  feedback: string[];
}

/** ✓/✗ and the question, what was chosen, and the feedback on the chosen options. */
export function questionOutcome(
  t: Messages,
  language: string,
  question: QuizQuestion,
  outcome: QuestionOutcome,
  options: { showChosen?: boolean } = {},
): CardElement {
  const chosen = outcome.chosen
    .map((i) => question.options[i])
    .filter((o) => o !== undefined)
    .map((o) => textFor(o.text, language));
  const chosenLine =
    options.showChosen === false
      ? []
      : [paragraph(chosen.length > 0 ? t.step.quiz.youChose(chosen.join('; ')) : t.step.quiz.nothingChosen)];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      paragraph(`${outcome.correct ? '✓' : '✗'} ${textFor(question.prompt, language)}`, {
        weight: 'Bolder',
        color: outcome.correct ? 'Good' : 'Attention',
      }),
      ...chosenLine,
      ...outcome.feedback.map((f) => paragraph(f, { isSubtle: true, spacing: 'Small' })),
    ],
  };
}
