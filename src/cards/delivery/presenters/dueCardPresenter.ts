import type { AdaptiveCard } from '../../platform/adaptiveCard.ts';
import { acknowledgeCard } from '../../learning/steps/acknowledgeCard.ts';
import { eventCard } from '../../learning/steps/eventCard.ts';
import { lessonCard } from '../../learning/steps/lessonCard.ts';
import { quizCard } from '../../learning/steps/quiz/quizCard.ts';
import { selfAssessmentCard } from '../../learning/steps/selfAssessmentCard.ts';
import { reflectionCard } from '../../learning/steps/reflectionCard.ts';
import { reviewQuestionCard } from '../../learning/steps/quiz/reviewCards.ts';
import type { StepCardContext } from '../../learning/steps/stepCardContext.ts';
import type { Step } from '../../../domain/learning/program.ts';
import type { RenderDueCard } from '../../../usecases/delivery/deliverDueCards.ts';
import type { ProgramCatalog } from '../../../usecases/learning/programCatalog.ts';
import { stepCardContext } from '../../learning/presenters/stepView.ts';
import { checkinCard } from '../../managers/checkinCards.ts';
import { exerciseSignOffCard } from '../../sessions/exerciseCards.ts';
import { textFor } from '../../../domain/learning/program.ts';
import { messagesFor } from '../../../messages/catalog.ts';

/** The card a learner's step sends when it falls due (or as a reminder). Check-ins go to managers (below). */
export function cardForStep(ctx: StepCardContext, step: Step, attempt = 1): AdaptiveCard | undefined {
  switch (step.kind) {
    case 'lesson':
      return lessonCard(ctx, step);
    case 'quiz':
      return quizCard(ctx, step, { attempt });
    case 'reflection':
      return reflectionCard(ctx, step);
    case 'acknowledge':
      return acknowledgeCard(ctx, step);
    case 'event':
      return eventCard(ctx, step);
    case 'self-assessment':
      return selfAssessmentCard(ctx, step);
    case 'checkin':
    case 'practical': // to the assessor (renderDueCard)
      return undefined;
  }
}

/** Renders due work (a step, a reminder of it, or a quiz question coming back) for the scheduler. */
export function renderDueCard(catalog: ProgramCatalog): RenderDueCard {
  return (work, { enrollment, step: state, language, learnerName }) => {
    const program = catalog.find(work.programId);
    const step = program?.steps.find((s) => s.id === work.stepId);
    if (!program || !step || program.version !== enrollment.programVersion) return undefined;
    const learner = { userId: work.userId, language, timeZone: enrollment.timeZone };
    if (work.kind === 'review') {
      const question =
        step.kind === 'quiz' ? step.questions.find((q) => q.id === work.questionId) : undefined;
      if (!question) return undefined;
      return reviewQuestionCard(stepCardContext(program, step, learner, undefined), question, work.n);
    }
    const reminder = work.kind === 'reminder' ? work.n : undefined;
    if (step.kind === 'practical') {
      // To the assessor named in content, in their language (the scheduler picked it).
      return exerciseSignOffCard({
        t: messagesFor(language),
        language,
        step,
        programTitle: textFor(program.title, language),
        learnerName,
        ref: {
          learnerId: work.userId,
          programId: program.id,
          programVersion: program.version,
          stepId: step.id,
        },
      });
    }
    if (step.kind === 'checkin') {
      // To the learner's manager, in the manager's language (the scheduler picked it).
      return checkinCard({
        t: messagesFor(language),
        language,
        step,
        programTitle: textFor(program.title, language),
        learnerName,
        ref: {
          learnerId: work.userId,
          programId: program.id,
          programVersion: program.version,
          stepId: step.id,
        },
      });
    }
    return cardForStep(
      stepCardContext(program, step, learner, state.dueAt, reminder),
      step,
      state.attempts + 1,
    );
  };
}
