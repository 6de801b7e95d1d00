/**
 * The calculation context a pack writes into: explanation lines (whose amounts add up to the total),
 * person reasons with citations, and parameter look-ups that fail loudly when a value is unset.
 */
import { AppError } from '../shared/errors.ts';
import type { Fen } from '../shared/money.ts';
import type { Line, PackMeta, ParamScope, ParameterResolver, Reason } from './policy.ts';

const citationCache = new WeakMap<PackMeta, Map<string, string>>();

/** `阳人社规发〔2024〕2号 第六条` for a rule id of the pack. */
export const citationsOf = (pack: PackMeta): Map<string, string> => {
  let m = citationCache.get(pack);
  if (!m) {
    m = new Map(pack.rules.map((r) => [r.id, `${pack.docNumber} ${r.article}`]));
    citationCache.set(pack, m);
  }
  return m;
};

export const describeScope = (scope: ParamScope): string => {
  const parts = Object.entries(scope)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
};

export class Explainer {
  readonly lines: Line[] = [];
  totalFen: Fen = 0;
  private readonly citations: Map<string, string>;

  constructor(
    readonly pack: PackMeta,
    private readonly resolver: ParameterResolver,
    readonly asOf: string,
  ) {
    this.citations = citationsOf(pack);
  }

  citation(rule: string): string {
    const c = this.citations.get(rule);
    if (c === undefined) throw new Error(`rule ${rule} is not declared by pack ${this.pack.id}`);
    return c;
  }

  /** Append a line; its amount joins the total (0 for findings and notes, negative for deductions). */
  line(rule: string, amountFen: Fen, text: string): void {
    const a = amountFen === 0 ? 0 : amountFen; // no -0 from "minus nothing deducted"
    this.lines.push({ rule, amountFen: a, citation: this.citation(rule), text });
    this.totalFen += a;
  }

  reason(rule: string, text: string): Reason {
    return { rule, citation: this.citation(rule), text };
  }

  optionalParam(key: string, scope: ParamScope): number | undefined {
    return this.resolver(key, scope, this.asOf);
  }

  /** A value the computation needs; unset → `unset_parameter` naming the key and the document it refers to. */
  param(key: string, scope: ParamScope = {}): number {
    const v = this.resolver(key, scope, this.asOf);
    if (v !== undefined) return v;
    const def = this.pack.parameters.find((p) => p.key === key);
    const src = def?.refersTo ? `; the seed refers to ${def.refersTo}` : '';
    throw new AppError(
      'unset_parameter',
      `parameter ${key}${describeScope(scope)} is not set for ${this.pack.id} on ${this.asOf}${src}; set it in the case's "parameters" or the parameter table`,
      { field: key, citation: def?.citation, scope, parameterText: def?.text },
    );
  }
}
