import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import type { AcknowledgeGuidelineData } from '../src/cards/broadcasts/broadcastActionSchemas.ts';
import { presentAcknowledgement } from '../src/cards/broadcasts/presenters/acknowledgePresenter.ts';
import { acknowledgeGuideline } from '../src/usecases/broadcasts/acknowledgeGuideline.ts';
import type { BroadcastsDeps } from '../src/usecases/broadcasts/broadcastsDeps.ts';
import type { ChatContext } from './chatContext.ts';

/** What the guideline verbs reach (the bot's deps carry it as `broadcasting`). */
export type BroadcastActionDeps = Pick<
  BroadcastsDeps,
  'clock' | 'broadcasts' | 'recipients' | 'defaultTimeZone'
>;

/**
 * "I have read and understood" on a guideline card: the parsed data (broadcast id, the version the
 * card showed) and the actor of this turn go to the use case, which records the server's version;
 * the presenter's card replaces the one clicked.
 */
export async function runAcknowledgeGuideline(
  deps: BroadcastActionDeps | undefined,
  chat: ChatContext,
  data: AcknowledgeGuidelineData,
): Promise<CardActionResult> {
  if (!deps || !chat.actor) return { kind: 'note', text: chat.t.cardAction.outdated };
  const outcome = await acknowledgeGuideline(deps, chat.actor, {
    broadcastId: data.broadcastId,
    version: data.version,
  });
  chat.log.info({ broadcastId: data.broadcastId, outcome: outcome.kind }, 'guideline acknowledgement');
  return presentAcknowledgement(outcome, chat.language);
}
