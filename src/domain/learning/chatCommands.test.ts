import { describe, expect, it } from 'vitest';
import { parseChatCommand } from './chatCommands.ts';

describe('parseChatCommand', () => {
  it.each([
    ['help', 'help'],
    ['  HELP ', 'help'],
    ['hjelp', 'help'],
    ['my learning', 'myLearning'],
    ['My   Learning', 'myLearning'],
    ['<at>Drypp</at> my learning', 'myLearning'],
    ['min læring', 'myLearning'],
    ['hjälp', 'help'],
    ['Mitt lärande', 'myLearning'],
    ['mina kurser', 'myLearning'],
    ['nästa', 'next'],
    ['next', 'next'],
    ['Neste', 'next'],
    ['hello there', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%j → %s', (text, command) => {
    expect(parseChatCommand(text)).toBe(command);
  });
});
