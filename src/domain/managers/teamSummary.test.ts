import { describe, expect, it } from 'vitest';
import { ancestorsOf, nextHome, type TeamDirectoryEntry } from './teamSummary.ts';

const entry = (id: string, managerId?: string, active = true): TeamDirectoryEntry => ({
  id,
  managerId,
  displayName: id,
  active,
});

function lookupOf(...entries: TeamDirectoryEntry[]) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (id: string) => byId.get(id);
}

describe('the managers whose My team lists a person', () => {
  it('are everyone up the line, nearest first', () => {
    const lookup = lookupOf(entry('a', 'b'), entry('b', 'c'), entry('c'));
    expect(ancestorsOf(lookup('a'), lookup)).toEqual(['b', 'c']);
  });

  it('stop above a disabled manager, who has left their own manager’s list with their people', () => {
    const lookup = lookupOf(entry('a', 'b'), entry('b', 'c', false), entry('c'));
    expect(ancestorsOf(lookup('a'), lookup)).toEqual(['b']);
  });

  it('are nobody for a disabled person, and stop at a manager the directory does not know', () => {
    const lookup = lookupOf(entry('a', 'b', false), entry('x', 'unknown'));
    expect(ancestorsOf(lookup('a'), lookup)).toEqual([]);
    expect(ancestorsOf(lookup('x'), lookup)).toEqual(['unknown']);
  });

  it('end at a loop in the directory data and at fifteen levels', () => {
    const loop = lookupOf(entry('a', 'b'), entry('b', 'a'));
    expect(ancestorsOf(loop('a'), loop)).toEqual(['b']);
    const chain = Array.from({ length: 20 }, (_, i) => entry(`p${i}`, `p${i + 1}`));
    const deep = lookupOf(...chain);
    expect(ancestorsOf(deep('p0'), deep)).toHaveLength(15);
  });
});

describe('the next home row', () => {
  it('counts the version up and remembers every former manager until a refresh removes its copy', () => {
    const person = { displayName: 'a', active: true };
    const first = nextHome(undefined, 'a', person, ['b', 'c']);
    expect(first).toMatchObject({ version: 1, ancestors: ['b', 'c'], formerAncestors: [] });
    const moved = nextHome(first, 'a', person, ['d', 'c']);
    expect(moved).toMatchObject({ version: 2, ancestors: ['d', 'c'], formerAncestors: ['b'] });
    const again = nextHome(moved, 'a', person, ['e']);
    expect(again).toMatchObject({ version: 3, formerAncestors: ['d', 'c', 'b'] });
  });
});
