import { describe, expect, it } from 'vitest';
import { factsLine } from './labels.ts';

describe('factsLine', () => {
  it('joins the facts a guideline has and leaves no separator for the ones it lacks', () => {
    expect(factsLine(['Version 1', '3 Dec 2026, 18:48', 'Megan Bowen'])).toBe(
      'Version 1 · 3 Dec 2026, 18:48 · Megan Bowen',
    );
    // Sent from the command line: no author's name.
    expect(factsLine(['Version 1', '3 Dec 2026, 18:48', ''])).toBe('Version 1 · 3 Dec 2026, 18:48');
    expect(factsLine([undefined, 'Version 2', undefined])).toBe('Version 2');
  });
});
