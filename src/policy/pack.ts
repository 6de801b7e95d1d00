/** A policy pack: one seed document's metadata, rules, parameters, deadlines, and its calculation. */
import type { Explainer } from './explain.ts';
import type { CertificateCase, PackMeta, PersonResult, TrainingCase } from './policy.ts';

export interface Pack extends PackMeta {
  /** Persons of a training case, in input order; writes its lines into `x`. */
  training(c: TrainingCase, x: Explainer): PersonResult[];
  /** Present only when `certificates` is true. */
  certificate?(c: CertificateCase, x: Explainer): PersonResult[];
}
