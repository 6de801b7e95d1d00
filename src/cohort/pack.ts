import { AppError } from '../shared/errors.ts';
import { citationsOf } from '../policy/explain.ts';
import { findPack, PACKS, type Pack } from '../policy/packs/index.ts';

/**
 * The one pack that governs a cohort: the pack it was opened under, which must be its own city's (or, for 文水,
 * its county's). Screening, guards, employment, vouchers and the subsidy all take their rules and citations from
 * here, so no city's article reaches another city's cohort.
 */
export function packForCohort(c: { policy: string; cityCode: string; regionCode: string }): Pack {
  const pack = findPack(c.policy);
  const governs = pack && (pack.region.endsWith('00') ? pack.region === c.cityCode : pack.region === c.regionCode);
  if (!pack || !governs) throw new AppError('conflict', `policy: ${c.policy} 不是本班所在地区 ${c.regionCode} 的政策`, { field: 'policy' });
  return pack;
}

/** The pack of a place (an account's or an institution's): its county's (文水) or else its city's, if any. */
export const packForRegion = (cityCode: string, regionCode: string): Pack | undefined =>
  PACKS.find((p) => p.region === regionCode) ?? PACKS.find((p) => p.region === cityCode);

/** A rule of the pack with its citation, or undefined when the pack has no such rule (then it is not applied). */
export function packRule(pack: Pack, ruleId: string): { id: string; citation: string; text: string } | undefined {
  const rule = pack.rules.find((r) => r.id === ruleId);
  return rule && { id: rule.id, citation: citationsOf(pack).get(rule.id)!, text: rule.text };
}

/** 无券不补: only packs that state it (yangquan 第十一条、第十五条) refuse or warn without a bound voucher. */
export const voucherRule = (pack: Pack) => packRule(pack, `${pack.id.split('-')[0]}.voucher`);

/**
 * A workflow rule written in one seed but applied to every cohort (SPEC states it generally): it cites that seed
 * only for that seed's own cohorts; elsewhere it cites the SPEC section, never another city's document.
 */
export function ownCitation(pack: Pick<Pack, 'docNumber'>, citation: string, spec: string): string {
  if (citation.startsWith(pack.docNumber)) return citation;
  return PACKS.some((p) => citation.includes(p.docNumber)) ? spec : citation;
}
