import { describe, expect, it } from 'vitest';
import { fileNameOf } from './client.ts';

describe('the name of a downloaded file', () => {
  it('prefers the UTF-8 name, then the plain one', () => {
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''h%C3%A5ndhygiene.csv`)).toBe(
      'håndhygiene.csv',
    );
    expect(fileNameOf('attachment; filename="broadcast-1.csv"')).toBe('broadcast-1.csv');
    expect(fileNameOf('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameOf(null)).toBeUndefined();
  });
});
