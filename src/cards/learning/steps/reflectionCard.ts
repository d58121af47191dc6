import { textFor, type ReflectionStep } from '../../../domain/learning/program.ts';
import {
  executeButton,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../platform/cardVerbs.ts';
import { stepInputIds } from './stepActionSchemas.ts';
import {
  doneLine,
  inlineError,
  literalText,
  stepActionData,
  stepCard,
  type StepCardContext,
} from './stepCardContext.ts';

export interface ReflectionCardOptions {
  /** e.g. "Your reflection is too long: 2100 of 2000 characters"; the text typed is kept via `text`. */
  error?: string;
  text?: string;
  share?: boolean;
}

/** A prompt and a free-text answer, with "Share with my manager" when the program offers it. */
export function reflectionCard(
  ctx: StepCardContext,
  step: ReflectionStep,
  options: ReflectionCardOptions = {},
): AdaptiveCard {
  const { t, language } = ctx;
  const share: CardElement[] = step.shareWithManager
    ? [
        {
          type: 'Input.Toggle',
          id: stepInputIds.shareWithManager,
          title: t.step.reflection.share,
          valueOn: 'true',
          valueOff: 'false',
          value: options.share ? 'true' : 'false',
        },
        paragraph(t.step.reflection.shareNote, { isSubtle: true, size: 'Small', spacing: 'None' }),
      ]
    : [];
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      paragraph(textFor(step.prompt, language)),
      {
        type: 'Input.Text',
        id: stepInputIds.reflection,
        label: t.step.reflection.label,
        isMultiline: true,
        maxLength: step.maxLength,
        placeholder: t.step.reflection.placeholder,
        isRequired: true,
        errorMessage: t.step.reflection.empty,
        ...(options.text !== undefined ? { value: options.text } : {}),
      },
      paragraph(t.step.reflection.limit(step.maxLength), { isSubtle: true, size: 'Small', spacing: 'None' }),
      ...share,
      ...inlineError(options.error),
    ],
    [executeButton(t.step.reflection.submit, stepCardVerbs.submitReflection, { ...stepActionData(ctx) })],
  );
}

/** Replaces the reflection card once saved: what they wrote, read-only, and whether it was shared. */
export function reflectionSavedCard(
  ctx: StepCardContext,
  step: ReflectionStep,
  text: string,
  shared: boolean,
): AdaptiveCard {
  const { t, language } = ctx;
  return stepCard(ctx, textFor(step.title, language), [
    paragraph(textFor(step.prompt, language), { isSubtle: true }),
    doneLine(t.step.reflection.saved),
    { type: 'Container', style: 'emphasis', items: [literalText(text)] },
    paragraph(shared ? t.step.reflection.shared : t.step.reflection.notShared, { isSubtle: true }),
  ]);
}
