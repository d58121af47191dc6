import { describe, expect, it } from 'vitest';
import { parseAddresses } from './addresses.ts';

describe('a pasted list of addresses', () => {
  it('reads one a line, commas, semicolons and Outlook’s "Name <address>"', () => {
    const parsed = parseAddresses(
      'alexw@drypp-kommune.example\nMegan Bowen <MeganB@drypp-kommune.example>; adelev@drypp-kommune.example, "lynner@drypp-kommune.example"',
    );
    expect(parsed.addresses).toEqual([
      'alexw@drypp-kommune.example',
      'meganb@drypp-kommune.example',
      'adelev@drypp-kommune.example',
      'lynner@drypp-kommune.example',
    ]);
    expect(parsed.invalid).toEqual([]);
  });

  it('drops duplicates (any case) and a spreadsheet header, and counts the duplicates', () => {
    const parsed = parseAddresses('E-mail\nola@x.no\nOLA@x.no\nkari@x.no');
    expect(parsed.addresses).toEqual(['ola@x.no', 'kari@x.no']);
    expect(parsed.duplicates).toBe(1);
  });

  it('names what looks meant as an address but is not one, and ignores plain words', () => {
    const parsed = parseAddresses('ola@x\nola@@x.no\nKari Nordmann kari@x.no\n@x.no');
    expect(parsed.addresses).toEqual(['kari@x.no']);
    expect(parsed.invalid).toEqual(['ola@x', 'ola@@x.no', '@x.no']);
  });

  it('keeps at most a few invalid pieces to show', () => {
    const parsed = parseAddresses(Array.from({ length: 50 }, (_, i) => `bad${i}@`).join('\n'), 5);
    expect(parsed.invalid).toHaveLength(5);
    expect(parsed.addresses).toEqual([]);
  });
});
