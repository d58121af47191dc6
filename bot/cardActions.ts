import { z } from 'zod';
import {
  broadcastCardVerbs,
  cardVerbs,
  managerCardVerbs,
  placementCardVerbs,
  sessionCardVerbs,
  stepCardVerbs,
  type CardVerb,
  type ManagerCardVerb,
  type PlacementCardVerb,
  type SessionCardVerb,
  type StepCardVerb,
} from '../src/cards/platform/cardVerbs.ts';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { runManagerAction } from './managerActions.ts';
import { cardDataLimits } from '../src/cards/learning/steps/stepActionSchemas.ts';
import type { ChatContext } from './chatContext.ts';
import { onChatMessage, type BotDeps } from './handlers.ts';
import { runStepAction } from './stepActions.ts';
import { runSessionAction } from './sessionActions.ts';
import { runPlacementAction } from './placementActions.ts';
import { runAcknowledgeGuideline } from './broadcastActions.ts';
import { broadcastActionSchemas } from '../src/cards/broadcasts/broadcastActionSchemas.ts';

/**
 * The verb table: every Action.Execute verb, the schema of its data, and what it does. This is the
 * bot's table of contents for card actions. A verb answers with either a card that replaces the one
 * clicked, or a short note shown under it (the card stays as it was).
 */
interface VerbHandler<S extends z.ZodType> {
  data: S;
  run(deps: BotDeps, chat: ChatContext, data: z.infer<S>): Promise<CardActionResult>;
}

const stepVerb = (verb: StepCardVerb): VerbHandler<z.ZodType> => ({
  data: z.unknown(), // each step verb parses its own data (src/cards/learning/steps/stepActionSchemas.ts)
  async run(deps, chat, data) {
    return runStepAction(deps, chat, verb, data);
  },
});

const managerVerb = (verb: ManagerCardVerb): VerbHandler<z.ZodType> => ({
  data: z.unknown(), // each managers verb parses its own data (src/cards/managers/managerActionSchemas.ts)
  async run(deps, chat, data) {
    return runManagerAction(deps, chat, verb, data);
  },
});

const sessionVerb = (verb: SessionCardVerb): VerbHandler<z.ZodType> => ({
  data: z.unknown(), // each session verb parses its own data (src/cards/sessions/sessionActionSchemas.ts)
  async run(deps, chat, data) {
    return runSessionAction(deps.sessionsDeps, chat, verb, data);
  },
});

const placementVerb = (verb: PlacementCardVerb): VerbHandler<z.ZodType> => ({
  data: z.unknown(), // each placement verb parses its own data (src/cards/learning/placement/placementActionSchemas.ts)
  async run(deps, chat, data) {
    return runPlacementAction(deps, chat, verb, data);
  },
});

/** A verb whose handler gets its own schema's parsed type; the table holds it by its common shape. */
function typedVerb<S extends z.ZodType>(handler: VerbHandler<S>): VerbHandler<z.ZodType> {
  return handler as unknown as VerbHandler<z.ZodType>;
}

const verbTable: { [V in CardVerb]: VerbHandler<z.ZodType> } = {
  [stepCardVerbs.completeStep]: stepVerb(stepCardVerbs.completeStep),
  [stepCardVerbs.answerQuiz]: stepVerb(stepCardVerbs.answerQuiz),
  [stepCardVerbs.retryQuiz]: stepVerb(stepCardVerbs.retryQuiz),
  [stepCardVerbs.answerReview]: stepVerb(stepCardVerbs.answerReview),
  [stepCardVerbs.submitReflection]: stepVerb(stepCardVerbs.submitReflection),
  [stepCardVerbs.acknowledge]: stepVerb(stepCardVerbs.acknowledge),
  [stepCardVerbs.confirmAttendance]: stepVerb(stepCardVerbs.confirmAttendance),
  [stepCardVerbs.answerSelfAssessment]: stepVerb(stepCardVerbs.answerSelfAssessment),
  [stepCardVerbs.answerPulse]: stepVerb(stepCardVerbs.answerPulse),
  [placementCardVerbs.answerPlacement]: placementVerb(placementCardVerbs.answerPlacement),
  [placementCardVerbs.declinePlacement]: placementVerb(placementCardVerbs.declinePlacement),
  [managerCardVerbs.requestLearningTime]: managerVerb(managerCardVerbs.requestLearningTime),
  [managerCardVerbs.decideLearningTime]: managerVerb(managerCardVerbs.decideLearningTime),
  [managerCardVerbs.showLearningTime]: managerVerb(managerCardVerbs.showLearningTime),
  [managerCardVerbs.answerCheckin]: managerVerb(managerCardVerbs.answerCheckin),
  [sessionCardVerbs.showSessions]: sessionVerb(sessionCardVerbs.showSessions),
  [sessionCardVerbs.pickSession]: sessionVerb(sessionCardVerbs.pickSession),
  [sessionCardVerbs.cancelSession]: sessionVerb(sessionCardVerbs.cancelSession),
  [sessionCardVerbs.markAttendance]: sessionVerb(sessionCardVerbs.markAttendance),
  [sessionCardVerbs.signOffExercise]: sessionVerb(sessionCardVerbs.signOffExercise),
  [broadcastCardVerbs.acknowledgeGuideline]: typedVerb({
    data: broadcastActionSchemas[broadcastCardVerbs.acknowledgeGuideline],
    run: (deps, chat, data) => runAcknowledgeGuideline(deps.broadcasting, chat, data),
  }),
  // Navigation buttons post the answer as a new message, so the card clicked (the welcome) stays readable.
  [cardVerbs.showMyLearning]: {
    data: z.object({}).loose(),
    async run(deps, chat) {
      await onChatMessage(deps, chat, 'my learning');
      return { kind: 'note', text: chat.t.cardAction.opening };
    },
  },
  [cardVerbs.showHelp]: {
    data: z.object({}).loose(),
    async run(deps, chat) {
      await onChatMessage(deps, chat, 'help');
      return { kind: 'note', text: chat.t.cardAction.opening };
    },
  },
};

/**
 * Looked up in a Map, never on the object: a verb such as `__proto__`, `constructor` or `toString`
 * must find nothing, not something Object.prototype has.
 */
const verbs: ReadonlyMap<string, VerbHandler<z.ZodType>> = new Map(Object.entries(verbTable));

export async function runCardAction(
  deps: BotDeps,
  chat: ChatContext,
  action: { verb?: unknown; data?: unknown },
): Promise<CardActionResult> {
  const handler = typeof action.verb === 'string' ? verbs.get(action.verb) : undefined;
  const raw = action.data ?? {};
  const data = handler && isSmallRecord(raw) ? handler.data.safeParse(raw) : undefined;
  if (!handler || !data?.success) {
    // An old card from an earlier version, or a crafted action: change nothing, say so plainly.
    // Only a known verb is logged by name; anything else could be text someone typed.
    chat.log.warn(
      { verb: handler ? action.verb : undefined, known: Boolean(handler) },
      'unknown card action',
    );
    return { kind: 'note', text: chat.t.cardAction.outdated };
  }
  return handler.run(deps, chat, data.data);
}

/** Card data is a plain object of a few keys: our ids plus the card's inputs. */
function isSmallRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length <= cardDataLimits.maxKeys
  );
}
