import { describe, expect, it } from 'vitest';
import { roundHalfUp } from './rounding.ts';

describe('roundHalfUp (四舍五入)', () => {
  it.each([
    [5, 2, 3], // 2.5 → 3
    [1, 2, 1], // 0.5 → 1
    [249, 100, 2], // 2.49 → 2
    [4, 10, 0], // 0.4 → 0
    [37035, 2, 18518], // 18517.5 fen → 18518
    [6, 3, 2], // exact
    [0, 7, 0],
  ])('%i/%i → %i', (num, den, want) => {
    expect(roundHalfUp(num, den)).toBe(want);
  });

  it('refuses negative or non-integer input', () => {
    expect(() => roundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
  });
});
