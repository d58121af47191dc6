import { placementCardVerbs, type PlacementCardVerb } from '../src/cards/platform/cardVerbs.ts';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { presentPlacementAnswer } from '../src/cards/learning/presenters/placementPresenter.ts';
import { placementActionSchemas } from '../src/cards/learning/placement/placementActionSchemas.ts';
import { readQuizAnswers } from '../src/cards/learning/steps/stepActionSchemas.ts';
import { outdatedCard } from '../src/cards/learning/steps/outdatedCard.ts';
import { answerPlacement, type PlacementDeps } from '../src/usecases/learning/placement/answerPlacement.ts';
import type { ChatContext } from './chatContext.ts';

/**
 * Placement card actions: parse the verb's data (placementActionSchemas.ts), answer or decline as
 * the actor of this turn (the use case scores the choices against the content), and present the
 * outcome, whose card replaces the one clicked.
 */
export async function runPlacementAction(
  deps: PlacementDeps,
  chat: ChatContext,
  verb: PlacementCardVerb,
  rawData: unknown,
): Promise<CardActionResult> {
  const actor = chat.actor;
  const parsed = placementActionSchemas[verb].safeParse(rawData ?? {});
  if (!parsed.success || !actor) {
    chat.log.warn({ verb, problems: parsed.error?.issues.length ?? 0 }, 'card action data refused');
    return { kind: 'card', card: outdatedCard(chat.t, 'unknown') };
  }
  const d = parsed.data;
  const questions =
    deps.catalog.find(d.programId)?.parts.find((p) => p.id === d.partId)?.placement?.questions ?? [];
  const answer = await answerPlacement(deps, {
    actor,
    tenantId: actor.tenantId,
    learnerId: d.learnerId,
    programId: d.programId,
    programVersion: d.programVersion,
    partId: d.partId,
    answer:
      verb === placementCardVerbs.declinePlacement
        ? 'decline'
        : { answers: readQuizAnswers(choicesOf(d), questions) },
  });
  return presentPlacementAnswer(answer, chat);
}

/** The parsed `q_<questionId>` inputs of an answer (a decline has none). */
function choicesOf(data: object): Record<string, number[]> {
  const choices = (data as { choices?: unknown }).choices;
  return typeof choices === 'object' && choices !== null ? (choices as Record<string, number[]>) : {};
}
