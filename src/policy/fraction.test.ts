import { describe, expect, it } from 'vitest';
import { atLeastPercent, compareRatio, countsAtLeastPercent, formatPercent, ratio, ratioFromDecimal } from './fraction.ts';

describe('exact rates', () => {
  it('reads a decimal as the exact fraction written', () => {
    expect(ratioFromDecimal(0.95)).toEqual({ num: 19, den: 20 });
    expect(ratioFromDecimal(0.1)).toEqual({ num: 1, den: 10 });
    expect(ratioFromDecimal(1)).toEqual({ num: 1, den: 1 });
    expect(ratioFromDecimal(0)).toEqual({ num: 0, den: 1 });
    expect(ratioFromDecimal(1e-7)).toEqual({ num: 1, den: 10_000_000 });
    expect(ratioFromDecimal(0.6999999)).toEqual({ num: 6999999, den: 10_000_000 });
  });

  it('refuses what is not a short decimal', () => {
    expect(() => ratioFromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => ratioFromDecimal(1e-20)).toThrow(RangeError);
  });

  it('compares thresholds exactly where floats would blur them', () => {
    expect(atLeastPercent(ratioFromDecimal(0.7), 70)).toBe(true);
    expect(atLeastPercent(ratioFromDecimal(0.69), 70)).toBe(false);
    expect(atLeastPercent(ratioFromDecimal(0.699999999999999), 70)).toBe(false);
    expect(() => ratioFromDecimal(2 / 3)).toThrow(RangeError); // 16 decimals: the case schema refuses it, naming the field
    expect(atLeastPercent(ratioFromDecimal(0.9), 90)).toBe(true);
    expect(atLeastPercent(ratioFromDecimal(0.8999), 90)).toBe(false);
  });

  it('counts: employed×100 ≥ 80×passed', () => {
    expect(countsAtLeastPercent(4, 5, 80)).toBe(true);
    expect(countsAtLeastPercent(7, 9, 80)).toBe(false);
    expect(countsAtLeastPercent(0, 0, 80)).toBe(true); // callers treat "nobody passed" themselves
  });

  it('falls back to BigInt when products leave the safe integers', () => {
    const a = ratio(999_999_999_999_999, 1_000_000_000_000_000);
    const b = ratio(999_999_999_999_998, 999_999_999_999_999);
    expect(compareRatio(a, b)).toBe(1);
    expect(compareRatio(b, a)).toBe(-1);
    expect(compareRatio(a, a)).toBe(0);
  });

  it('reduces fractions and rejects a zero denominator', () => {
    expect(ratio(10, 20)).toEqual({ num: 1, den: 2 });
    expect(() => ratio(1, 0)).toThrow(RangeError);
  });

  it('formats percentages for texts', () => {
    expect(formatPercent(ratio(2, 3))).toBe('66.67%');
    expect(formatPercent(ratio(4, 5))).toBe('80%');
  });
});
