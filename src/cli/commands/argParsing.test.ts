import { describe, expect, it } from 'vitest';
import { formatDuration, formatLocal, parseDuration, parseStart } from './argParsing.ts';

describe('parseDuration', () => {
  it.each([
    ['7d', 7 * 86_400_000],
    ['36h', 36 * 3_600_000],
    ['90m', 90 * 60_000],
    ['1d12h', 36 * 3_600_000],
    ['1d2h3m', 86_400_000 + 2 * 3_600_000 + 3 * 60_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '7', 'd', '7x', '2 days', '-1d', '1.5d', '12h1d', '0d', '0m', '367d', ' 7d'])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('parseStart', () => {
  it('reads a date as the start of that day in the given time zone', () => {
    expect(parseStart('2026-03-02', 'Europe/Oslo')?.toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(parseStart('2026-07-01', 'Europe/Oslo')?.toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('reads a date-time with an offset as that instant, and one without in the time zone', () => {
    expect(parseStart('2026-03-02T08:00Z', 'Europe/Oslo')?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(parseStart('2026-03-02T08:00:00+02:00', 'UTC')?.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(parseStart('2026-03-02T08:00', 'Europe/Oslo')?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-3-2', '02.03.2026', 'tomorrow', '2026-03-02 08:00', ''])(
    'refuses %j',
    (text) => {
      expect(parseStart(text, 'Europe/Oslo')).toBeUndefined();
    },
  );
});

describe('formatting', () => {
  it('writes durations to the minute', () => {
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 30 * 60_000 + 20_000)).toBe('2d 4h 30m');
    expect(formatDuration(0)).toBe('0d 0h 0m');
  });

  it('writes a local time with its zone', () => {
    expect(formatLocal(new Date('2026-03-02T08:00:00Z'), 'Europe/Oslo')).toBe('2026-03-02 09:00 Europe/Oslo');
  });
});
