import { describe, expect, it } from 'vitest';
import { validateReflection } from './reflection.ts';

describe('validateReflection', () => {
  it('accepts text within the limit, trimmed', () => {
    expect(validateReflection('  I will ask my team first.\n', 2000)).toEqual({
      ok: true,
      text: 'I will ask my team first.',
    });
    expect(validateReflection('x', 1)).toEqual({ ok: true, text: 'x' });
  });

  it('refuses empty, blank and non-text answers', () => {
    expect(validateReflection('', 2000)).toEqual({ ok: false, reason: 'empty', length: 0 });
    expect(validateReflection(' \n\t ', 2000)).toEqual({ ok: false, reason: 'empty', length: 0 });
    expect(validateReflection(undefined, 2000)).toEqual({ ok: false, reason: 'empty', length: 0 });
    expect(validateReflection(42, 2000)).toEqual({ ok: false, reason: 'empty', length: 0 });
  });

  it('refuses text over the limit and says how long it is', () => {
    expect(validateReflection('a'.repeat(2001), 2000)).toEqual({
      ok: false,
      reason: 'tooLong',
      length: 2001,
    });
    expect(validateReflection('a'.repeat(2000), 2000)).toMatchObject({ ok: true });
  });

  it('does not count the spaces trimmed away', () => {
    expect(validateReflection(`  ${'a'.repeat(10)}  `, 10)).toMatchObject({ ok: true });
  });

  it('counts an emoji or a decomposed "å" as one character', () => {
    expect(validateReflection('👍👍👍', 3)).toEqual({ ok: true, text: '👍👍👍' });
    expect(validateReflection('a\u030a'.repeat(3), 3)).toEqual({ ok: true, text: 'å'.repeat(3) });
    expect(validateReflection('👍'.repeat(4), 3)).toEqual({ ok: false, reason: 'tooLong', length: 4 });
  });
});
