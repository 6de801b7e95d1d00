/**
 * Parameter resolution. Three sources feed one `ParameterResolver`: the pack's stated values (seed
 * constants, effective-dated), a parameter table (later: the database rows a city admin edits, same row
 * shape), and a case file's own `parameters` (this case only). `layered` puts them in order of precedence.
 */
import type {
  CaseParameters,
  ParamScope,
  ParameterDef,
  ParameterResolver,
  ParameterValue,
} from './policy.ts';

/** One row of a parameter table: what the database table will hold, and what a pack's constants become. */
export interface ParameterRow extends ParameterValue {
  readonly key: string;
}

const SCOPE_FIELDS = ['programType', 'occupation', 'level', 'certificateType'] as const;

/** How specific a row is for the scope asked, or -1 if it does not apply. */
const specificity = (row: ParameterValue, scope: ParamScope): number => {
  let n = 0;
  for (const f of SCOPE_FIELDS) {
    const v = row[f];
    if (v === undefined) continue;
    if (scope[f] !== v) return -1;
    n++;
  }
  return n;
};

/**
 * A resolver over rows: among the rows of the key in force on `asOf` (from ≤ asOf ≤ to) and matching the
 * scope, the most specific wins (occupation+level over occupation over none), then the latest `from`.
 */
export const tableResolver = (rows: readonly ParameterRow[]): ParameterResolver => {
  const byKey = new Map<string, ParameterRow[]>();
  for (const r of rows) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  return (key, scope, asOf) => {
    const list = byKey.get(key);
    if (!list) return undefined;
    let best: ParameterRow | undefined;
    let bestSpec = -1;
    for (const r of list) {
      if (r.from > asOf || (r.to !== undefined && r.to < asOf)) continue;
      const s = specificity(r, scope);
      if (s < 0) continue;
      if (s > bestSpec || (s === bestSpec && best !== undefined && r.from > best.from)) {
        best = r;
        bestSpec = s;
      }
    }
    return best?.value;
  };
};

/** The rows a pack states itself: the seed's constants (to seed the database table, too). */
export const packParameterRows = (defs: readonly ParameterDef[]): ParameterRow[] =>
  defs.flatMap((d) => d.values.map((v) => ({ ...v, key: d.key })));

/** A case file's `parameters`: valid for this case only, so no dates. */
export const caseResolver = (params: CaseParameters): ParameterResolver => {
  const rows: ParameterRow[] = [];
  for (const [key, v] of Object.entries(params)) {
    if (typeof v === 'number') rows.push({ key, value: v, from: '0000-01-01', source: 'case file' });
    else for (const e of v) rows.push({ ...e, key, from: '0000-01-01', source: 'case file' });
  }
  return tableResolver(rows);
};

/** First resolver that knows a value wins. */
export const layered =
  (...resolvers: readonly ParameterResolver[]): ParameterResolver =>
  (key, scope, asOf) => {
    for (const r of resolvers) {
      const v = r(key, scope, asOf);
      if (v !== undefined) return v;
    }
    return undefined;
  };
