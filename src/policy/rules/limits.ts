/**
 * Per-person limits over a person's history (SPEC §4.2). Each pack calls the ones its seed states; the
 * functions only answer questions about the history, the pack words the reason and cites its article.
 */
import type { CertificateType, HistoryEntry } from '../policy.ts';

/** A certificate obtained; a certificate subsidy received implies the certificate. */
const isCertificate = (h: HistoryEntry) => h.kind === 'certificate' || h.kind === 'certificate_subsidy';
const typeOf = (h: HistoryEntry): CertificateType => h.certificateType ?? 'skill_level';
const isSkillCertificate = (h: HistoryEntry) => isCertificate(h) && typeOf(h) === 'skill_level';

/** Training subsidies (职业培训补贴) already received in the calendar year of `date` (suihua 第十二条). */
export const trainingSubsidiesInYear = (history: readonly HistoryEntry[], date: string): number => {
  const year = date.slice(0, 4);
  let n = 0;
  for (const h of history) if (h.kind === 'training' && h.date.startsWith(year)) n++;
  return n;
};

/** A training subsidy for the same occupation and level already received (suihua 第十二条, heze 第二十四条). */
export const hadTrainingAtSameLevel = (
  history: readonly HistoryEntry[],
  occupation: string,
  level: number | undefined,
): boolean => {
  for (const h of history) if (h.kind === 'training' && h.occupation === occupation && h.level === level) return true;
  return false;
};

/** Same occupation and level trained in the same calendar year (yangquan 第四条, enterprise employees). */
export const hadTrainingSameYear = (
  history: readonly HistoryEntry[],
  occupation: string,
  level: number | undefined,
  date: string,
): boolean => {
  const year = date.slice(0, 4);
  for (const h of history) {
    if (h.kind === 'training' && h.occupation === occupation && h.level === level && h.date.startsWith(year)) return true;
  }
  return false;
};

/**
 * A certificate of a higher level (smaller number) of the occupation already obtained: a certificate held or
 * a certificate subsidy received (heze 第二十四条 获得高等级证书的…). A training subsidy at a higher level is no
 * certificate and does not count.
 */
export const reachedHigherLevel = (
  history: readonly HistoryEntry[],
  occupation: string,
  level: number | undefined,
): HistoryEntry | undefined => {
  if (level === undefined) return undefined;
  for (const h of history) {
    if (isSkillCertificate(h) && h.occupation === occupation && h.level !== undefined && h.level < level) return h;
  }
  return undefined;
};

/**
 * 技能提升补贴 already drawn for this occupation and level (history), for the exclusivity rules (heze
 * 第二十四条, yangquan 第九条); the case's `skillUpgradeSubsidy` flag covers the current training.
 */
export const drewSkillUpgradeFor = (
  history: readonly HistoryEntry[],
  occupation: string,
  level: number | undefined,
): boolean => {
  for (const h of history) if (h.kind === 'skill_upgrade' && h.occupation === occupation && h.level === level) return true;
  return false;
};


/** A certificate subsidy already received for this level of skill certificate (yangquan 第九条 同一等级只能享受一次). */
export const hadCertificateSubsidyAtLevel = (history: readonly HistoryEntry[], level: number): boolean =>
  history.some((h) => h.kind === 'certificate_subsidy' && typeOf(h) === 'skill_level' && h.level === level);

/**
 * A skill certificate of the occupation at this level or a higher one already held (yangquan 第九条 取证补贴只针对
 * 新增技能人才: such a holder is not new).
 */
export const holdsCertificateAtOrAbove = (history: readonly HistoryEntry[], occupation: string, level: number): boolean =>
  history.some((h) => isSkillCertificate(h) && h.occupation === occupation && h.level !== undefined && h.level <= level);

/** Any earlier certificate of the occupation (yangquan 第九条 初次取证直接取中级工). */
export const hadCertificateOfOccupation = (history: readonly HistoryEntry[], occupation: string): boolean =>
  history.some((h) => isCertificate(h) && typeOf(h) === 'skill_level' && h.occupation === occupation);

/** An earlier skill certificate at level ≤ maxLevel, any occupation (yangquan 第九条 新增高技能人才). */
export const hadCertificateAtOrAbove = (history: readonly HistoryEntry[], maxLevel: number): boolean =>
  history.some((h) => isCertificate(h) && typeOf(h) === 'skill_level' && h.level !== undefined && h.level <= maxLevel);

/** An earlier special certificate of the same type and occupation (yangquan 第九条 特种…初次取证). */
export const hadSpecialCertificate = (
  history: readonly HistoryEntry[],
  type: CertificateType,
  occupation: string,
): boolean => history.some((h) => isCertificate(h) && typeOf(h) === type && h.occupation === occupation);

/** A certificate subsidy for the same type, occupation and level (heze 第二十四条 不可重复申领). */
export const hadCertificateSubsidySame = (
  history: readonly HistoryEntry[],
  type: CertificateType,
  occupation: string,
  level: number | undefined,
): boolean =>
  history.some(
    (h) => h.kind === 'certificate_subsidy' && typeOf(h) === type && h.occupation === occupation && h.level === level,
  );
