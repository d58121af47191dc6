import { parseChatCommand } from '../src/domain/learning/chatCommands.ts';
import { helpCard } from '../src/cards/platform/helpCard.ts';
import { presentMyLearning } from '../src/cards/learning/presenters/myLearningPresenter.ts';
import { welcomeCard } from '../src/cards/learning/welcomeCard.ts';
import { noticeCard } from '../src/cards/platform/noticeCard.ts';
import { deliverNextEarly } from '../src/usecases/learning/deliverNextEarly.ts';
import { markChatKnown } from '../src/usecases/directory/reachNewHires.ts';
import { sendWaitingCardsNow } from '../src/usecases/delivery/sendWaitingCardsNow.ts';
import type { LearningDeps } from '../src/usecases/learning/learningDeps.ts';
import type { ManagersDeps } from '../src/usecases/managers/managersDeps.ts';
import { sendLearningTimeForm } from './managerActions.ts';
import { showMyLearning } from '../src/usecases/learning/showMyLearning.ts';
import { welcomeNewInstallation } from '../src/usecases/delivery/welcomeNewInstallation.ts';
import type { ChatContext } from './chatContext.ts';
import type { BroadcastActionDeps } from './broadcastActions.ts';
import type { SessionsDeps } from '../src/usecases/sessions/sessionsDeps.ts';
import { sendSessionRosters } from './sessionActions.ts';

/**
 * The bot reaches everything through the learning and managers use cases' dependencies, and the
 * broadcasts' under `broadcasting` (absent where a process serves no guidelines).
 */
export type BotDeps = LearningDeps &
  ManagersDeps & {
    broadcasting?: BroadcastActionDeps;
    /** Live sessions and practical exercises; absent where a process serves none. */
    sessionsDeps?: SessionsDeps;
  };

/** The app was installed for the person, or its chat was opened: remember them and welcome once. */
export async function onInstalled(deps: BotDeps, chat: ChatContext): Promise<void> {
  if (!chat.tenantId || !chat.userId) {
    // Without tenant and object id we cannot reach the person later; still be polite now.
    chat.log.warn(
      { correlationId: chat.correlationId },
      'installation without tenant or user id; not stored',
    );
    await chat.sendCard(welcomeCard(chat.t));
    return;
  }
  const { sendWelcome } = await welcomeNewInstallation(deps, {
    tenantId: chat.tenantId,
    userId: chat.userId,
    conversationId: chat.conversationId,
    locale: chat.locale,
    reference: chat.reference(),
  });
  chat.log.info({ userId: chat.userId, sendWelcome }, 'installation recorded');
  if (sendWelcome) await chat.sendCard(welcomeCard(chat.t));
  // A new hire's chat is known now: cards that waited for it go out in the scheduler's next round.
  await markChatKnown(deps, chat.tenantId, chat.userId);
  await sendWaitingCardsNow(deps, { tenantId: chat.tenantId, userId: chat.userId });
}

/** Text typed in the personal chat: a command, or the help card for anything else. */
export async function onChatMessage(
  deps: BotDeps,
  chat: ChatContext,
  text: string | undefined,
): Promise<void> {
  const command = parseChatCommand(text);
  switch (command) {
    case 'help':
      return chat.sendCard(helpCard(chat.t));
    // Who is asking is the turn's actor, resolved once from the activity (chatContext.ts): the
    // commands act for that person only.
    case 'myLearning': {
      if (!chat.actor) return chat.sendCard(presentMyLearning(chat, []));
      const { tenantId, userId } = chat.actor;
      const entries = await showMyLearning(deps, { tenantId, userId, language: chat.language });
      return chat.sendCard(presentMyLearning(chat, entries));
    }
    case 'next': {
      if (!chat.actor) return chat.sendCard(noticeCard(chat.t.next.nothingNext));
      const { tenantId, userId } = chat.actor;
      const outcome = await deliverNextEarly(deps, { tenantId, userId });
      return chat.sendCard(noticeCard(chat.t.next[outcome.kind]));
    }
    case 'requestLearningTime':
      return sendLearningTimeForm(deps, chat);
    case 'sessions':
      return sendSessionRosters(deps.sessionsDeps, chat);
    case 'unknown':
      return chat.sendCard(helpCard(chat.t, { notUnderstood: true }));
  }
}
