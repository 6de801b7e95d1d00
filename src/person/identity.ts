import type { Queryable } from '../db/db.ts';
import { heze2024 } from '../policy/packs/heze-2024.ts';

/** heze 第十二条 is where the bureau compares each trainee's identity: findings cite it by its document. */
const HEZE_DOC = heze2024.docNumber;

/** What the social-insurance, pension and household systems say about one ID number (SPEC §4.1, heze art. 12). */
export interface IdentityFacts {
  idNumber: string;
  found: boolean;
  drawsMonthlyPension: boolean;
  socialInsuranceEmployer: string | null;
  householdRegionCode: string | null;
}

/** The adapter to external identity systems. Production plugs in the provincial systems; tests and demo the local one. */
export interface IdentityCheck {
  lookup(idNumbers: string[]): Promise<Map<string, IdentityFacts>>;
}

/** Local implementation: answers from the identity_fixture table. */
export const fixtureIdentityCheck = (db: Queryable): IdentityCheck => ({
  async lookup(idNumbers) {
    const { rows } = await db.query(`SELECT * FROM identity_fixture WHERE id_number = ANY ($1::text[])`, [idNumbers]);
    const byId = new Map(rows.map((r) => [r.id_number as string, r]));
    return new Map(idNumbers.map((id) => {
      const r = byId.get(id);
      return [id, {
        idNumber: id,
        found: !!r,
        drawsMonthlyPension: r?.draws_monthly_pension ?? false,
        socialInsuranceEmployer: r?.social_insurance_employer ?? null,
        householdRegionCode: r?.household_region_code ?? null,
      }];
    }));
  },
});

export interface IdentityFinding {
  severity: 'refusal' | 'warning' | 'info';
  rule: string;
  citation: string;
  text: string;
}

/** Pure: what the facts mean for subsidised training. */
export function identityFindings(person: { householdRegionCode: string | null }, facts: IdentityFacts): IdentityFinding[] {
  const findings: IdentityFinding[] = [];
  if (!facts.found) {
    findings.push({ severity: 'warning', rule: 'identity.not_found', citation: `${HEZE_DOC} 第十二条`, text: '社会保险信息比对系统中未查到此人，请人工核实身份' });
    return findings;
  }
  if (facts.drawsMonthlyPension) {
    findings.push({ severity: 'refusal', rule: 'eligibility.monthly_pension', citation: '阳人社规发〔2024〕2号 第三条', text: '按月领取城镇职工基本养老金，不属于补贴性职业技能培训对象' });
  }
  if (facts.householdRegionCode && person.householdRegionCode && facts.householdRegionCode !== person.householdRegionCode) {
    findings.push({ severity: 'warning', rule: 'identity.household_mismatch', citation: `${HEZE_DOC} 第十二条`, text: `户籍系统登记的户籍地为 ${facts.householdRegionCode}，与填报的 ${person.householdRegionCode} 不一致` });
  }
  if (facts.socialInsuranceEmployer) {
    findings.push({ severity: 'info', rule: 'identity.insured', citation: `${HEZE_DOC} 第十二条`, text: `正在参保单位：${facts.socialInsuranceEmployer}` });
  }
  return findings;
}
