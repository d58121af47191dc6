import { describe, expect, it } from 'vitest';
import { canonicalZone, minutesOfDay } from './timeZone.ts';

describe('minutesOfDay', () => {
  it('reads 24-hour HH:MM times', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('09:30')).toBe(570);
    expect(minutesOfDay('23:59')).toBe(1439);
  });

  it('refuses anything else, so a bad policy fails loudly', () => {
    for (const bad of ['9:00', '24:00', '12:60', '', '12:00:00']) {
      expect(() => minutesOfDay(bad), bad).toThrow(/HH:MM/);
    }
  });
});

describe('canonicalZone', () => {
  it('spells a valid zone the canonical way and keeps newer names Intl would alias', () => {
    expect(canonicalZone('europe/oslo')).toBe('Europe/Oslo');
    expect(canonicalZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(canonicalZone('W. Europe Standard Time')).toBeUndefined();
  });
});
