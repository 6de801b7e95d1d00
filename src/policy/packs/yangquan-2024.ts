/**
 * 阳泉市《补贴性职业技能培训评价管理办法（试行）》, 阳人社规发〔2024〕2号, 2024-10-16.
 * 第十八条: in force from issue, for 2 years. Read as 2024-10-16 … 2026-10-15 inclusive (two full years;
 * the anniversary day 2026-10-16 is the first day out of force).
 */
import type { Explainer } from '../explain.ts';
import type { Pack } from '../pack.ts';
import {
  ENTERPRISE_TYPES,
  type CertificateCase,
  type Group,
  type ParameterDef,
  type PersonResult,
  type Reason,
  type TrainingCase,
} from '../policy.ts';
import {
  drewSkillUpgradeFor,
  hadCertificateAtOrAbove,
  hadCertificateOfOccupation,
  hadCertificateSubsidyAtLevel,
  hadSpecialCertificate,
  hadTrainingSameYear,
  holdsCertificateAtOrAbove,
} from '../rules/limits.ts';
import {
  NO_REASONS,
  cohortScope,
  orderProjectLadder,
  payEach,
  standardPerPerson,
  yuan,
  type Gate,
} from '../rules/training.ts';

const DOC = '阳人社规发〔2024〕2号';
const FROM = '2024-10-16';
const TO = '2026-10-15';
const v = (value: number, article: string) => [{ value, from: FROM, to: TO, source: `${DOC} ${article}` }];

/** 第三条: the key employment groups for whom order/project training is run ("等": groups of SPEC §4.1 alike). */
const KEY_GROUPS: ReadonlySet<Group> = new Set<Group>([
  'poverty_alleviated',
  'poor_labour',
  'poor_family_child',
  'graduate',
  'two_after',
  'rural_migrant',
  'registered_unemployed',
  'laid_off',
  'hard_to_employ',
  'zero_employment_family',
  'job_transfer',
  'veteran',
  'disabled',
]);

const parameters: ParameterDef[] = [
  { key: 'orderFirstDays', unit: 'days', text: '订单式、项目制培训阶梯补贴：前N天', citation: `${DOC} 第六条`, values: v(10, '第六条') },
  { key: 'orderFirstDailyFen', unit: 'fen', text: '前10天每人每天', citation: `${DOC} 第六条`, values: v(15000, '第六条') },
  { key: 'orderLaterDailyFen', unit: 'fen', text: '之后每人每天', citation: `${DOC} 第六条`, values: v(10000, '第六条') },
  { key: 'orderCapFen', unit: 'fen', text: '每人最高', citation: `${DOC} 第六条`, values: v(500000, '第六条') },
  { key: 'employmentRateMinPercent', unit: 'percent', text: '培训后就业率达到…全额拨付', citation: `${DOC} 第六条`, values: v(80, '第六条') },
  { key: 'enterpriseMinDays', unit: 'days', text: '企业职工培训累计不少于（天）', citation: `${DOC} 第七条`, values: v(3, '第七条') },
  { key: 'enterpriseMinLessons', unit: 'lessons', text: '或不少于（学时）', citation: `${DOC} 第七条`, values: v(24, '第七条') },
  { key: 'enterprisePerPersonFen', unit: 'fen', text: '企业职工培训每人', citation: `${DOC} 第七条`, values: v(30000, '第七条') },
  { key: 'apprenticeshipPerYearFen', unit: 'fen', text: '企业新型学徒制每人每年', citation: `${DOC} 第七条`, values: v(500000, '第七条') },
  {
    key: 'entrepreneurshipPerPersonFen',
    unit: 'fen',
    text: '创业培训补贴标准',
    citation: `${DOC} 第八条`,
    values: [],
    refersTo: '《就业补助资金管理办法》',
  },
  {
    key: 'standardPerPersonFen',
    unit: 'fen',
    text: '本办法未定价的培训类别（就业技能培训等）每人标准',
    citation: `${DOC} 第三条`,
    values: [],
    refersTo: '相关文件（第三条：按照相关文件执行）',
  },
  { key: 'certLevel5Fen', unit: 'fen', text: '初级工取证补贴', citation: `${DOC} 第九条`, values: v(40000, '第九条') },
  { key: 'certLevel4Fen', unit: 'fen', text: '初次取证直接取中级工', citation: `${DOC} 第九条`, values: v(60000, '第九条') },
  { key: 'certLevel3Fen', unit: 'fen', text: '高级工取证补贴', citation: `${DOC} 第九条`, values: v(80000, '第九条') },
  {
    key: 'certLevel2Fen',
    unit: 'fen',
    text: '技师取证补贴',
    citation: `${DOC} 第九条`,
    values: [],
    refersTo: '相关规定（第九条：按规定给予相应的取证补贴，未列技师金额）',
  },
  {
    key: 'certLevel1Fen',
    unit: 'fen',
    text: '高级技师取证补贴',
    citation: `${DOC} 第九条`,
    values: [],
    refersTo: '相关规定（第九条：按规定给予相应的取证补贴，未列高级技师金额）',
  },
  { key: 'certSpecialFen', unit: 'fen', text: '特种作业操作证或特种设备作业人员证初次取证', citation: `${DOC} 第九条`, values: v(40000, '第九条') },
];

const rules = [
  { id: 'yangquan.key_group', article: '第三条', text: '订单式、项目制培训面向重点就业群体；其他人员按照相关文件执行' },
  { id: 'yangquan.enterprise_once_per_year', article: '第四条', text: '企业职工培训同一工种同一等级同一年度内不得重复培训' },
  { id: 'yangquan.order_employment_rate', article: '第六条', text: '培训后就业率达到80%及以上按培训合格人数全额拨付，否则按实际就业人数' },
  { id: 'yangquan.order_ladder', article: '第六条', text: '前10天每人每天150元、之后每人每天100元，最高每人不超过5000元' },
  { id: 'yangquan.order_not_passed', article: '第六条', text: '按照培训合格人数拨付：未合格者不补' },
  { id: 'yangquan.order_not_employed', article: '第六条', text: '就业率未达80%：未就业者不补' },
  { id: 'yangquan.order_recording', article: '第十一条、第十五条', text: '重点群体培训每学时连续录像不低于10分钟；不录不补（缺录像的半天不计补贴天数）' },
  { id: 'yangquan.voucher', article: '第十一条、第十五条', text: '电子券闭环管理，无券不补' },
  { id: 'yangquan.enterprise_duration', article: '第七条', text: '企业职工培训累计不少于3天（或24学时）' },
  { id: 'yangquan.enterprise_flat', article: '第七条', text: '按参加培训人数给予企业每人300元' },
  { id: 'yangquan.apprenticeship', article: '第七条', text: '企业新型学徒制给予企业每人每年5000元' },
  { id: 'yangquan.entrepreneurship', article: '第八条', text: '创业培训补贴标准按《就业补助资金管理办法》执行' },
  { id: 'yangquan.standard', article: '第三条', text: '本办法未定价的培训类别，按相关文件的每人标准' },
  { id: 'yangquan.not_passed', article: '第十二条', text: '对考核合格人员核发培训合格证书；未合格者不补' },
  { id: 'yangquan.cert_skill_upgrade', article: '第九条', text: '享受技能提升补贴的人员不再享受新增技能人才、高技能人才取证补贴' },
  { id: 'yangquan.cert_once_per_level', article: '第九条', text: '同一等级只能享受一次取证补贴' },
  { id: 'yangquan.cert_not_new', article: '第九条', text: '取证补贴只针对新增技能人才：已持有同职业同等级或更高等级证书者不是新增' },
  { id: 'yangquan.cert_level5', article: '第九条', text: '初级工每人400元' },
  { id: 'yangquan.cert_level4', article: '第九条', text: '初次取证直接取中级工每人600元' },
  { id: 'yangquan.cert_level4_not_first', article: '第九条', text: '中级工须为初次取证' },
  { id: 'yangquan.cert_level3', article: '第九条', text: '高级工每人800元（新增高技能人才）' },
  { id: 'yangquan.cert_level3_not_new', article: '第九条', text: '已有高级工及以上证书者不是新增高技能人才' },
  { id: 'yangquan.cert_special', article: '第九条', text: '特种作业操作证或特种设备作业人员证初次取证每人400元' },
  { id: 'yangquan.cert_special_not_first', article: '第九条', text: '特种作业/特种设备证须为初次取证' },
  { id: 'yangquan.cert_level2', article: '第九条', text: '技师按规定给予相应的取证补贴（标准为参数）' },
  { id: 'yangquan.cert_level1', article: '第九条', text: '高级技师按规定给予相应的取证补贴（标准为参数）' },
  { id: 'yangquan.order_approval', article: '第六条', text: '订单式、项目制开班：县级申请，市级批准；订单一单一结算，项目制可分阶段结算', stage: 'workflow' },
  { id: 'yangquan.evaluator_independence', article: '第十四条', text: '评价机构不得组织同批次评价对象的技能培训', stage: 'workflow' },
  { id: 'yangquan.two_signatures', article: '第十五条', text: '申领补贴两人以上经办审查签字', stage: 'workflow' },
  { id: 'yangquan.disclosure', article: '第十五条', text: '补贴公示不少于5个工作日', stage: 'workflow' },
  { id: 'yangquan.rectification', article: '第十七条', text: '整改期间不得开展政府补贴培训评价；认定违规的人员或班期不予补贴', stage: 'workflow' },
] as const;

const training = (c: TrainingCase, x: Explainer): PersonResult[] => {
  const co = c.cohort;
  const pt = co.programType;
  const noVoucher = x.reason('yangquan.voucher', '未绑定职业技能培训电子券：无券不补');
  const voucher: Gate = (t) => (t.voucherBound ? undefined : noVoucher);

  if (pt === 'order' || pt === 'project') {
    const notKey = x.reason('yangquan.key_group', '不属于第三条所列重点就业群体：订单式、项目制培训不予补贴，按照相关文件执行');
    const keyGroup: Gate = (t) => (t.groups.some((g) => KEY_GROUPS.has(g)) ? undefined : notKey);
    return orderProjectLadder(c, x, {
      base: 'passed',
      gates: [voucher, keyGroup],
      ids: {
        rate: 'yangquan.order_employment_rate',
        ladder: 'yangquan.order_ladder',
        recording: 'yangquan.order_recording',
        notInBase: 'yangquan.order_not_passed',
        notEmployed: 'yangquan.order_not_employed',
      },
    });
  }

  if (ENTERPRISE_TYPES.has(pt) && pt !== 'work_for_training') {
    const scope = cohortScope(c);
    const repeat = x.reason('yangquan.enterprise_once_per_year', `同一工种（${co.occupation}）同一等级同一年度内已参加过企业职工培训`);
    const once: Gate = (t) =>
      hadTrainingSameYear(t.history, co.occupation, co.level, co.startDate) ? repeat : undefined;
    if (pt === 'apprenticeship') {
      const perYear = x.param('apprenticeshipPerYearFen', scope);
      const per = perYear * co.years;
      const { persons, paid } = payEach(c.trainees, [voucher, once], per);
      x.line('yangquan.apprenticeship', per * paid, `企业新型学徒制 ${yuan(perYear)} 元/人/年 × ${co.years} 年 × ${paid} 人，拨付给企业`);
      return persons;
    }
    const minDays = x.param('enterpriseMinDays', scope);
    const minLessons = x.param('enterpriseMinLessons', scope);
    const per = x.param('enterprisePerPersonFen', scope);
    const long = co.days >= minDays || co.lessons >= minLessons;
    x.line(
      'yangquan.enterprise_duration',
      0,
      `培训 ${co.days} 天、${co.lessons} 学时：${long ? '达到' : '未达到'}累计不少于 ${minDays} 天（或 ${minLessons} 学时）`,
    );
    const tooShort = long ? [] : [x.reason('yangquan.enterprise_duration', `培训不足 ${minDays} 天且不足 ${minLessons} 学时`)];
    const { persons, paid } = payEach(c.trainees, [voucher, once], per, tooShort);
    x.line('yangquan.enterprise_flat', per * paid, `企业职工培训按参加培训人数 ${yuan(per)} 元/人 × ${paid} 人，拨付给企业`);
    return persons;
  }

  if (pt === 'entrepreneurship') {
    return standardPerPerson(c, x, {
      rule: 'yangquan.entrepreneurship',
      notPassed: 'yangquan.not_passed',
      gates: [voucher],
      key: 'entrepreneurshipPerPersonFen',
    });
  }
  return standardPerPerson(c, x, { rule: 'yangquan.standard', notPassed: 'yangquan.not_passed', gates: [voucher] });
};

const LEVEL_NAMES: Record<number, string> = { 5: '初级工', 4: '中级工', 3: '高级工', 2: '技师', 1: '高级技师' };

const certificate = (c: CertificateCase, x: Explainer): PersonResult[] => {
  // Amount and count per paying rule, in the order the rules first pay someone.
  const tally = new Map<string, { per: number; n: number; label: string }>();
  const persons = c.people.map((p): PersonResult => {
    const cert = p.certificate;
    const reasons: Reason[] = [];
    if (p.skillUpgradeSubsidy || drewSkillUpgradeFor(p.history, cert.occupation, cert.level)) {
      reasons.push(x.reason('yangquan.cert_skill_upgrade', '享受技能提升补贴的人员不再享受新增技能人才取证补贴'));
    }
    let rule: string;
    let key: string;
    let label: string;
    if (cert.type === 'skill_level') {
      const level = cert.level as number; // required for skill_level by the case schema
      label = `职业资格/职业技能等级证书 ${LEVEL_NAMES[level]}（${level}级）`;
      if (hadCertificateSubsidyAtLevel(p.history, level)) {
        reasons.push(x.reason('yangquan.cert_once_per_level', `已享受过${LEVEL_NAMES[level]}取证补贴`));
      }
      // Levels 4 and 3 have stricter tests of their own (初次取证, 新增高技能人才) that include this one.
      if (level !== 4 && level !== 3 && holdsCertificateAtOrAbove(p.history, cert.occupation, level)) {
        reasons.push(
          x.reason('yangquan.cert_not_new', `已持有同职业（${cert.occupation}）${LEVEL_NAMES[level]}或更高等级证书，不是新增技能人才`),
        );
      }
      if (level === 5) {
        rule = 'yangquan.cert_level5';
        key = 'certLevel5Fen';
      } else if (level === 4) {
        rule = 'yangquan.cert_level4';
        key = 'certLevel4Fen';
        if (hadCertificateOfOccupation(p.history, cert.occupation)) {
          reasons.push(x.reason('yangquan.cert_level4_not_first', `已有同职业（${cert.occupation}）证书，中级工不是初次取证`));
        }
      } else if (level === 3) {
        rule = 'yangquan.cert_level3';
        key = 'certLevel3Fen';
        if (hadCertificateAtOrAbove(p.history, 3)) {
          reasons.push(x.reason('yangquan.cert_level3_not_new', '已有高级工及以上证书，不是新增高技能人才'));
        }
      } else {
        rule = `yangquan.cert_level${level}`;
        key = `certLevel${level}Fen`;
      }
    } else {
      rule = 'yangquan.cert_special';
      key = 'certSpecialFen';
      label = cert.type === 'special_operation' ? '特种作业操作证（初次取证）' : '特种设备作业人员证（初次取证）';
      if (hadSpecialCertificate(p.history, cert.type, cert.occupation)) {
        reasons.push(x.reason('yangquan.cert_special_not_first', `已取得过同类（${cert.occupation}）证书，不是初次取证`));
      }
    }
    // Only a person who would be paid needs the standard (技师 and 高级技师 have none in the seed).
    if (reasons.length > 0) return { id: p.id, amountFen: 0, eligible: false, reasons };
    const per = x.param(key, { certificateType: cert.type, occupation: cert.occupation, level: cert.level });
    const t = tally.get(rule);
    if (t) t.n++;
    else tally.set(rule, { per, n: 1, label });
    return { id: p.id, amountFen: per, eligible: true, reasons: NO_REASONS };
  });
  for (const [rule, t] of tally) x.line(rule, t.per * t.n, `${t.label} ${yuan(t.per)} 元/人 × ${t.n} 人`);
  return persons;
};

export const yangquan2024: Pack = {
  id: 'yangquan-2024',
  title: '补贴性职业技能培训评价管理办法（试行）',
  docNumber: DOC,
  issuer: '阳泉市人力资源和社会保障局',
  region: '140300',
  docDate: '2024-10-16',
  validFrom: FROM,
  validTo: TO,
  validityNote: '第十八条：自印发之日起施行，有效期2年（读作 2024-10-16 至 2026-10-15，含首尾）',
  rules,
  parameters,
  deadlines: [
    { id: 'yangquan.disclosure', event: '补贴公示', anchor: 'disclosure_start', min: 5, max: 5, unit: 'working_day', sense: 'at_least', article: '第十五条', text: '公示时间不少于5个工作日' },
    { id: 'yangquan.video_retention', event: '培训视频留存', anchor: 'cohort_end', min: 2, max: 2, unit: 'year', sense: 'at_least', article: '第十一条', text: '培训视频留存2年' },
  ],
  certificates: true,
  training,
  certificate,
};
