/** What a person typed in chat, as one of the bot's commands. Every language's words are accepted. */
export type ChatCommand = 'help' | 'myLearning' | 'next' | 'requestLearningTime' | 'sessions' | 'unknown';

const commandWords: Record<Exclude<ChatCommand, 'unknown'>, string[]> = {
  help: ['help', 'hjelp', 'hjälp', '?'],
  myLearning: ['my learning', 'min læring', 'mine kurs', 'mitt lärande', 'mina kurser', 'my courses'],
  next: ['next', 'neste', 'nästa'],
  requestLearningTime: ['request learning time', 'be om læringstid', 'begär lärtid', 'begar lartid'],
  /** The sessions one instructs (or one's people booked), to mark attendance. */
  sessions: ['sessions', 'samlinger', 'träffar', 'traffar'],
};

export function parseChatCommand(text: string | undefined): ChatCommand {
  // Teams puts <at>Drypp</at> mentions and stray whitespace into text; neither is part of a command.
  const normalized = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  for (const [command, words] of Object.entries(commandWords)) {
    if (words.includes(normalized)) return command as ChatCommand;
  }
  return 'unknown';
}
