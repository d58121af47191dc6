import type { Clock } from '../../domain/platform/clock.ts';
import type { ConversationStore } from './ports.ts';

export interface Installation {
  tenantId: string;
  userId: string;
  conversationId: string;
  locale?: string;
  reference: Record<string, unknown>;
}

/**
 * The app was installed for a person (or they opened its chat): remember where to reach them, and
 * say whether a welcome card is due. Teams can announce one installation with several activities,
 * so the welcome is recorded once per person and conversation.
 */
export async function welcomeNewInstallation(
  deps: { conversations: ConversationStore; clock: Clock },
  installation: Installation,
): Promise<{ sendWelcome: boolean }> {
  const at = deps.clock.now().toISOString();
  await deps.conversations.save({ ...installation, updatedAt: at });
  const sendWelcome = await deps.conversations.markWelcomed(
    installation.tenantId,
    installation.userId,
    installation.conversationId,
    at,
  );
  return { sendWelcome };
}
