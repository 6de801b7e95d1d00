import type { ProgramType } from '../policy/policy.ts';
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
 * Whether one proof shows employment under the cohort's pack (SPEC §2 employment):
 * order/project cohorts need a contract of at least one year (yangquan 第六条 via xinzhou 三(一) 一年以上期限劳动合同);
 * wenshui needs a contract of six months or more with the first and the latest payroll (四(三)1), a business
 * licence (四(三)2) or a flexible-employment proof (四(三)3); elsewhere a contract of six months or more.
 */
export function judgeProof(policy: string, programType: ProgramType, p: EmploymentProof): ProofVerdict {
  const ws = policy === 'wenshui-2023';
  if (orderOrProject(programType)) {
    const citation = ws ? '文人社字〔2023〕51号 四(三)4' : '忻人社函〔2024〕29号 三(一)';
    if (p.kind !== 'contract' || !p.contractStart || !p.contractEnd) return { counts: false, citation, text: '订单式、项目制培训须提供一年以上期限劳动合同' };
    const months = monthsBetween(p.contractStart, p.contractEnd);
    return months >= 12
      ? { counts: true, citation, text: `劳动合同 ${p.contractStart} 至 ${p.contractEnd}（${months} 个月），满一年` }
      : { counts: false, citation, text: `劳动合同仅 ${months} 个月，订单式、项目制培训须一年以上` };
  }
  if (p.kind === 'business_licence') return { counts: true, citation: ws ? '文人社字〔2023〕51号 四(三)2' : 'SPEC §2 employment', text: `自主创业：${p.employer} 营业执照` };
  if (p.kind === 'flexible') return { counts: true, citation: ws ? '文人社字〔2023〕51号 四(三)3' : 'SPEC §2 employment', text: `灵活就业：${p.employer} 出具证明` };
  const citation = ws ? '文人社字〔2023〕51号 四(三)1' : 'SPEC §2 employment';
  if (!p.contractStart || !p.contractEnd) return { counts: false, citation, text: '劳动合同须写明起止日期' };
  const months = monthsBetween(p.contractStart, p.contractEnd);
  if (months < 6) return { counts: false, citation, text: `劳动合同仅 ${months} 个月，须六个月以上` };
  if (ws && (!p.firstPayrollMonth || !p.latestPayrollMonth)) return { counts: false, citation, text: '须提供第一个月和最近一个月工资表' };
  return { counts: true, citation, text: `劳动合同 ${months} 个月${ws ? `，工资表 ${p.firstPayrollMonth}、${p.latestPayrollMonth}` : ''}` };
}

/** The cohort's employment rate as the engine computes it (employed ÷ passed, 80% as in yangquan 第六条). */
export const cohortEmploymentRate = (persons: { passed: boolean; employed: boolean }[]) => employmentRate(persons, 80);
