import { textFor, urlFor, type LessonStep } from '../../../domain/learning/program.ts';
import {
  executeButton,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../platform/cardVerbs.ts';
import { openUrl, stepActionData, stepCard, type StepCardContext } from './stepCardContext.ts';

/** A lesson: Markdown text, an optional image, video (with captions or transcript) and link; "Mark as done". */
export function lessonCard(ctx: StepCardContext, step: LessonStep): AdaptiveCard {
  const { t, language } = ctx;
  const image: CardElement[] = step.image
    ? [{ type: 'Image', url: step.image.url, altText: textFor(step.image.alt, language), size: 'Stretch' }]
    : [];
  const links: CardAction[] = [
    ...(step.video ? [openUrl(t.step.lesson.watchVideo, step.video.url)] : []),
    ...(step.video?.captionsUrl ? [openUrl(t.step.lesson.captions, step.video.captionsUrl)] : []),
    ...(step.video?.transcriptUrl ? [openUrl(t.step.lesson.transcript, step.video.transcriptUrl)] : []),
    ...(step.link ? [openUrl(textFor(step.link.label, language), urlFor(step.link.url, language))] : []),
  ];
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      // Teams renders a Markdown subset in TextBlocks: paragraphs, bold, italic, lists and links.
      paragraph(textFor(step.body, language)),
      ...image,
      ...(links.length > 0 ? [{ type: 'ActionSet', actions: links }] : []),
    ],
    [executeButton(t.step.lesson.markDone, stepCardVerbs.completeStep, { ...stepActionData(ctx) })],
  );
}
