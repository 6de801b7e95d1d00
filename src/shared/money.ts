/** Money is integer fen. Yuan appear only at the edges (UI, forms); never floats in between. */
export type Fen = number;

export const yuan = (y: number): Fen => {
  if (!Number.isInteger(y * 100)) throw new RangeError(`not a whole number of fen: ${y}`);
  return Math.round(y * 100);
};

/** 12345 fen → "123.45" (for display and forms). */
export const formatYuan = (fen: Fen): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
