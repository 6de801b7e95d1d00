import type { PackMeta, ProgramType } from '../policy/policy.ts';
import { employmentRate } from '../policy/rules/training.ts';

export const PROOF_KINDS = { contract: '劳动合同及工资表', business_licence: '营业执照（自主创业）', flexible: '灵活就业证明' } as const;
export type ProofKind = keyof typeof PROOF_KINDS;

export interface EmploymentProof {
  kind: ProofKind;
  employer: string;
  contractStart: string | null;
  contractEnd: string | null;
  firstPayrollMonth: string | null;
  latestPayrollMonth: string | null;
}

export interface ProofVerdict {
  counts: boolean;
  citation: string;
  text: string;
}

const monthsBetween = (from: string, to: string) => {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd - 1 ? 1 : 0);
};

const orderOrProject = (t: ProgramType) => t === 'order' || t === 'project';

/**
 * What each pack says about employment proofs, as articles of its own document. A pack without an entry (heze,
 * suihua, yangquan) states no proof rule: the general SPEC §2 reading applies (six months or more, a business
 * licence or a flexible-employment proof) and no city's article is cited for it.
 */
const PROOF_ARTICLES: Record<string, { orderOneYear?: string; contract?: string; business?: string; flexible?: string; payroll?: boolean }> = {
  'xinzhou-2024': { orderOneYear: '三(一)' },
  'wenshui-2023': { orderOneYear: '四(三)4', contract: '四(三)1', business: '四(三)2', flexible: '四(三)3', payroll: true },
};
const GENERAL = 'SPEC §2 employment';

/**
 * Whether one proof shows employment under the cohort's own pack (SPEC §2 employment): order/project cohorts
 * need a contract of at least one year where the pack says so (xinzhou 三(一), wenshui 四(三)4); wenshui needs a
 * contract of six months or more with the first and the latest payroll (四(三)1), a business licence (四(三)2) or a
 * flexible-employment proof (四(三)3); elsewhere a contract of six months or more.
 */
export function judgeProof(pack: Pick<PackMeta, 'id' | 'docNumber'>, programType: ProgramType, p: EmploymentProof): ProofVerdict {
  const a = PROOF_ARTICLES[pack.id] ?? {};
  const cite = (article: string | undefined) => (article ? `${pack.docNumber} ${article}` : GENERAL);
  if (orderOrProject(programType) && a.orderOneYear) {
    const citation = cite(a.orderOneYear);
    if (p.kind !== 'contract' || !p.contractStart || !p.contractEnd) return { counts: false, citation, text: '订单式、项目制培训须提供一年以上期限劳动合同' };
    const months = monthsBetween(p.contractStart, p.contractEnd);
    return months >= 12
      ? { counts: true, citation, text: `劳动合同 ${p.contractStart} 至 ${p.contractEnd}（${months} 个月），满一年` }
      : { counts: false, citation, text: `劳动合同仅 ${months} 个月，订单式、项目制培训须一年以上` };
  }
  if (p.kind === 'business_licence') return { counts: true, citation: cite(a.business), text: `自主创业：${p.employer} 营业执照` };
  if (p.kind === 'flexible') return { counts: true, citation: cite(a.flexible), text: `灵活就业：${p.employer} 出具证明` };
  const citation = cite(a.contract);
  if (!p.contractStart || !p.contractEnd) return { counts: false, citation, text: '劳动合同须写明起止日期' };
  const months = monthsBetween(p.contractStart, p.contractEnd);
  if (months < 6) return { counts: false, citation, text: `劳动合同仅 ${months} 个月，须六个月以上` };
  if (a.payroll && (!p.firstPayrollMonth || !p.latestPayrollMonth)) return { counts: false, citation, text: '须提供第一个月和最近一个月工资表' };
  return { counts: true, citation, text: `劳动合同 ${months} 个月${a.payroll ? `，工资表 ${p.firstPayrollMonth}、${p.latestPayrollMonth}` : ''}` };
}

/** The cohort's employment rate as the engine computes it (employed ÷ passed, 80% as in yangquan 第六条). */
export const cohortEmploymentRate = (persons: { passed: boolean; employed: boolean }[]) => employmentRate(persons, 80);
