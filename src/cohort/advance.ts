import type { Queryable } from '../db/db.ts';
import { Explainer } from '../policy/explain.ts';
import { packForCohort } from './pack.ts';
import { advanceDue } from '../policy/packs/suihua-2019.ts';
import { databaseResolver } from '../policy/routes.ts';
import type { Cohort } from './store.ts';

/** Suihua's advance, due on approval of the opening (other packs have none). Unset standard → unset_parameter. */
export async function advancePayment(db: Queryable, c: Cohort) {
  if (c.policy !== 'suihua-2019') return null;
  const pack = packForCohort(c);
  const x = new Explainer(pack, await databaseResolver(db, pack), c.startDate);
  const due = advanceDue(x, {
    programType: c.programType, occupation: c.occupationCode, level: c.level || undefined,
    capacityReduction: c.capacityReduction, approvedHeadcount: c.enrolled,
  });
  return { amountFen: due.totalFen, lines: [{ rule: due.rule, amountFen: due.totalFen, citation: x.citation(due.rule), text: due.text }] };
}
