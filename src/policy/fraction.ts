/**
 * Exact rates. A rate is a fraction of two integers; rates are compared by cross-multiplication, never as
 * floats, so that 0.8 is 80% exactly and an attendance of 0.69999999 is below 70%.
 */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

const gcd = (a: number, b: number): number => {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
};

export const ratio = (num: number, den: number): Ratio => {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`not an exact ratio: ${num}/${den}`);
  }
  const g = gcd(Math.abs(num), den) || 1;
  return { num: num / g, den: den / g };
};

/**
 * The exact value of a decimal as written: 0.95 → 19/20. JSON numbers arrive as doubles; their shortest
 * round-trip representation (String(x)) is the decimal the author wrote, so we parse that string.
 */
export const ratioFromDecimal = (x: number): Ratio => {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a decimal: ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let digits = int + frac;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  if (scale > 15) throw new RangeError(`more than 15 decimal places: ${x}`);
  const num = Number(digits);
  if (!Number.isSafeInteger(num)) throw new RangeError(`too many digits: ${x}`);
  return ratio(sign === '-' ? -num : num, 10 ** scale);
};

/** a − b compared: -1, 0 or 1. Exact: falls back to BigInt when a product leaves the safe integers. */
export const compareRatio = (a: Ratio, b: Ratio): -1 | 0 | 1 => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
  const bl = BigInt(a.num) * BigInt(b.den);
  const br = BigInt(b.num) * BigInt(a.den);
  return bl < br ? -1 : bl > br ? 1 : 0;
};

/** rate ≥ percent% (percent an integer), exactly: num·100 ≥ percent·den. */
export const atLeastPercent = (rate: Ratio, percent: number): boolean => {
  const l = rate.num * 100;
  const r = percent * rate.den;
  // Hot path (once per trainee): no allocation unless a product leaves the safe integers.
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l >= r;
  return compareRatio(rate, { num: percent, den: 100 }) >= 0;
};

/** part ÷ whole ≥ percent%, without building the ratio: part·100 ≥ percent·whole. */
export const countsAtLeastPercent = (part: number, whole: number, percent: number): boolean =>
  part * 100 >= percent * whole;

/** "2.5" or "0.67" (two decimals at most): for texts only, never for a decision. */
export const formatDecimal = (r: Ratio): string => {
  const hundredths = Math.round((r.num * 100) / r.den);
  return (hundredths / 100).toFixed(2).replace(/\.?0+$/, '');
};

/** "95%" or "66.67%": for texts only. */
export const formatPercent = (r: Ratio): string => `${formatDecimal({ num: r.num * 100, den: r.den })}%`;
