import { describe, expect, it } from 'vitest';
import { rememberLanguages } from './rememberedLanguages.ts';

function directory(languages: Record<string, string | null | undefined>) {
  const reads: string[] = [];
  return {
    reads,
    languages,
    read: async (tenantId: string, id: string) => {
      reads.push(`${tenantId}|${id}`);
      return languages[id];
    },
  };
}

describe('rememberLanguages', () => {
  it('asks the directory once per person within the window, and again after it', async () => {
    let now = 0;
    const dir = directory({ maja: 'nb-NO' });
    const language = rememberLanguages(dir.read, { now: () => now, rememberMs: 1000 });
    expect(await language('t', 'maja')).toBe('nb-NO');
    dir.languages.maja = 'sv-SE';
    now = 999;
    expect(await language('t', 'maja')).toBe('nb-NO');
    now = 1000;
    expect(await language('t', 'maja')).toBe('sv-SE');
    expect(dir.reads).toEqual(['t|maja', 't|maja']);
  });

  it('keeps tenants apart and never remembers a person the directory does not know yet', async () => {
    const dir = directory({ maja: 'nb-NO' });
    const language = rememberLanguages(dir.read, { now: () => 0 });
    expect(await language('t1', 'new')).toBeUndefined();
    dir.languages.new = 'en-GB';
    expect(await language('t1', 'new')).toBe('en-GB');
    expect(await language('t2', 'maja')).toBe('nb-NO');
    expect(await language('t1', 'maja')).toBe('nb-NO');
    expect(dir.reads).toEqual(['t1|new', 't1|new', 't2|maja', 't1|maja']);
  });

  it('remembers a person the directory knows without a language as having none', async () => {
    let now = 0;
    const dir = directory({ ola: null });
    const language = rememberLanguages(dir.read, { now: () => now, rememberMs: 1000 });
    expect(await language('t', 'ola')).toBeUndefined();
    dir.languages.ola = 'nb-NO';
    now = 999;
    expect(await language('t', 'ola')).toBeUndefined();
    now = 1000;
    expect(await language('t', 'ola')).toBe('nb-NO');
    expect(dir.reads).toEqual(['t|ola', 't|ola']);
  });

  it('forgets the oldest person when it holds as many as it may', async () => {
    const dir = directory({ a: 'en', b: 'nb', c: 'sv' });
    const language = rememberLanguages(dir.read, { now: () => 0, maxPeople: 2 });
    await language('t', 'a');
    await language('t', 'b');
    await language('t', 'c'); // a goes
    await language('t', 'b');
    await language('t', 'a');
    expect(dir.reads).toEqual(['t|a', 't|b', 't|c', 't|a']);
  });
});
