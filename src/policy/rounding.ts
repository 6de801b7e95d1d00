/**
 * The one rounding rule of the policy engine. Every place that turns a fraction of a person or of a fen into
 * a whole number calls this function, and its explanation line cites the article that made rounding
 * necessary (文人社字〔2023〕51号 五(二) for deducted persons; see docs/policy.md for each use).
 *
 * 四舍五入 (round half up) of num/den for num ≥ 0, den > 0: 2.5 → 3, 2.49 → 2. Chinese administrative
 * practice rounds halves up; banker's rounding would surprise a case officer checking by hand.
 */
export const roundHalfUp = (num: number, den: number): number => {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0) {
    throw new RangeError(`roundHalfUp needs num ≥ 0 and den > 0 integers: ${num}/${den}`);
  }
  const q = Math.floor(num / den);
  const rest = num - q * den;
  return rest * 2 >= den ? q + 1 : q;
};
