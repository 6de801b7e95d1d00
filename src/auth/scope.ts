import type { Actor } from './auth.ts';
import { isBureau, isCityLevel } from './auth.ts';

/**
 * The SQL condition that keeps a query inside the actor's data scope. Columns are named by the caller;
 * `$n` placeholders continue after the caller's own parameters.
 */
export interface ScopeColumns {
  city: string; // e.g. 'p.city_code'
  region: string; // e.g. 'p.region_code'
  /** For organisation accounts: a condition (with `$?` for the org id) proving the row belongs to them. */
  institution?: (param: string) => string;
  evaluator?: (param: string) => string;
  enterprise?: (param: string) => string;
  self?: (param: string) => string;
}

export function scopeCondition(actor: Actor, cols: ScopeColumns, params: unknown[]): string {
  const next = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (isBureau(actor)) return isCityLevel(actor) ? `${cols.city} = ${next(actor.cityCode)}` : `${cols.region} = ${next(actor.regionCode)}`;
  const byOrg: Array<[keyof ScopeColumns, string | null]> = [
    ['institution', actor.institutionId], ['evaluator', actor.evaluatorId], ['enterprise', actor.enterpriseId], ['self', actor.personId],
  ];
  for (const [key, id] of byOrg) {
    const cond = cols[key] as ((p: string) => string) | undefined;
    if (id && cond) return cond(next(id));
  }
  return 'false';
}
