/**
 * The policy engine's entry point: a parsed case and a parameter resolver in, a decision out. Pure: no
 * clock (the case's `asOf` is the date), no I/O, no randomness.
 */
import { AppError } from '../shared/errors.ts';
import { Explainer } from './explain.ts';
import type { Pack } from './pack.ts';
import { getPack } from './packs/index.ts';
import { caseResolver, layered, packParameterRows, tableResolver } from './parameters.ts';
import type { Decision, ParameterResolver, PolicyCase } from './policy.ts';

const packResolvers = new WeakMap<Pack, ParameterResolver>();
/** Many cases may share one parameters object (a batch from one bureau): build its resolver once. */
const caseResolvers = new WeakMap<object, ParameterResolver>();

const caseParams = (params: PolicyCase['parameters']): ParameterResolver => {
  let r = caseResolvers.get(params);
  if (!r) {
    r = caseResolver(params);
    caseResolvers.set(params, r);
  }
  return r;
};

/** The pack's own stated values as a resolver (cached per pack). */
export const packResolver = (pack: Pack): ParameterResolver => {
  let r = packResolvers.get(pack);
  if (!r) {
    r = tableResolver(packParameterRows(pack.parameters));
    packResolvers.set(pack, r);
  }
  return r;
};

/** `out_of_force` unless validFrom ≤ asOf ≤ validTo. */
export const assertInForce = (pack: Pack, asOf: string): void => {
  if (asOf < pack.validFrom || (pack.validTo !== undefined && asOf > pack.validTo)) {
    const window = pack.validTo ? `${pack.validFrom} to ${pack.validTo}` : `from ${pack.validFrom}`;
    throw new AppError('out_of_force', `${pack.id} (${pack.docNumber}) is in force ${window}; the case's asOf ${asOf} is outside it`, {
      field: 'asOf',
      validFrom: pack.validFrom,
      validTo: pack.validTo,
    });
  }
};

/**
 * Decide a case. `resolver` supplies parameter values (default: the pack's stated values; the server will
 * pass the database table's resolver layered over them); the case's own `parameters` always take precedence.
 */
export const calculate = (c: PolicyCase, resolver?: ParameterResolver): Decision => {
  const pack = getPack(c.policy);
  assertInForce(pack, c.asOf);
  const base = resolver ?? packResolver(pack);
  const hasCaseParams = Object.keys(c.parameters).length > 0;
  const x = new Explainer(pack, hasCaseParams ? layered(caseParams(c.parameters), base) : base, c.asOf);
  let persons;
  if (c.kind === 'training') {
    persons = pack.training(c, x);
  } else {
    if (!pack.certificate) throw new AppError('validation', `kind: ${pack.id} has no certificate (取证) subsidy`, { field: 'kind' });
    persons = pack.certificate(c, x);
  }
  return { policy: pack.id, totalFen: x.totalFen, persons, lines: x.lines };
};
