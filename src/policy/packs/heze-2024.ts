/**
 * 《菏泽市职业技能培训管理办法（试行）》, 菏泽市人社局, 2024-09-30 (the seed shows no 文号: the title and
 * date stand in for it). 第三十条: in force from issue; no end. The seed states no amounts: every standard
 * is a parameter (per occupation and level), the seed decides who may draw it (第二十四条).
 */
import type { Explainer } from '../explain.ts';
import type { Pack } from '../pack.ts';
import type { CertificateCase, ParameterDef, PersonResult, Reason, TrainingCase } from '../policy.ts';
import {
  drewSkillUpgradeFor,
  hadCertificateSubsidySame,
  hadTrainingAtSameLevel,
  reachedHigherLevel,
} from '../rules/limits.ts';
import { NO_REASONS, standardPerPerson, yuan, type Gate } from '../rules/training.ts';

const DOC = '《菏泽市职业技能培训管理办法（试行）》（2024年9月30日）';
const FROM = '2024-09-30';

const parameters: ParameterDef[] = [
  {
    key: 'standardPerPersonFen',
    unit: 'fen',
    text: '职业培训补贴每人标准（按职业、等级）',
    citation: `${DOC} 第二十四条`,
    values: [],
    refersTo: '鲁人社字〔2022〕72号、鲁人社字〔2024〕52号及市定分职业（工种）标准',
  },
  {
    key: 'certificateStandardFen',
    unit: 'fen',
    text: '取证补贴每人标准（按证书类别、职业、等级）',
    citation: `${DOC} 第二十四条`,
    values: [],
    refersTo: '省、市取证补贴标准',
  },
];

const rules = [
  { id: 'heze.same_level', article: '第二十四条', text: '同一职业（工种）的同一等级不可重复申领培训补贴' },
  { id: 'heze.lower_after_higher', article: '第二十四条', text: '获得高等级证书的不得再申领同一职业（工种）低等级补贴' },
  { id: 'heze.skill_upgrade_exclusive', article: '第二十四条', text: '职业培训补贴和技能提升补贴不能重复享受' },
  { id: 'heze.standard', article: '第二十四条', text: '对符合条件的参训人员按规定给予职业培训补贴' },
  { id: 'heze.not_passed', article: '第十四条', text: '对考核合格人员发放培训合格证书；未合格者不补' },
  { id: 'heze.certificate', article: '第二十四条', text: '取证补贴按规定标准' },
  { id: 'heze.opening', article: '第十一条', text: '开班前至少3个工作日申报开班并提交材料', stage: 'workflow' },
  { id: 'heze.identity_check', article: '第十二条', text: '参训学员身份逐一比对，不符合条件人员告知培训机构', stage: 'workflow' },
  { id: 'heze.face_attendance', article: '第十三条', text: '学员实名制人脸识别考勤，留存视频资料', stage: 'workflow' },
  { id: 'heze.archives', article: '第十五条', text: '一期一档，培训档案留存五年', stage: 'workflow' },
  { id: 'heze.annual_assessment', article: '第十六条', text: '承训机构年度评估表', stage: 'workflow' },
  { id: 'heze.no_subcontract', article: '第十八条', text: '严禁转包、分包培训任务', stage: 'workflow' },
  { id: 'heze.online_platform', article: '第十九条', text: '线上培训数据资料留存五年', stage: 'workflow' },
  { id: 'heze.disclosure', article: '第二十七条', text: '公示含隐藏部分位数的身份证号码', stage: 'workflow' },
] as const;

const LEVEL = (l: number | undefined) => (l === undefined ? '' : `${l}级`);

const training = (c: TrainingCase, x: Explainer): PersonResult[] => {
  const co = c.cohort;
  const same = x.reason('heze.same_level', `已享受过同一职业（${co.occupation}）同一等级（${LEVEL(co.level)}）的培训补贴`);
  const lower = x.reason('heze.lower_after_higher', `已取得同一职业（${co.occupation}）更高等级，不得申领低等级补贴`);
  const upgrade = x.reason('heze.skill_upgrade_exclusive', '已享受技能提升补贴，不能重复享受职业培训补贴');
  const gates: Gate[] = [
    (t) => (hadTrainingAtSameLevel(t.history, co.occupation, co.level) ? same : undefined),
    (t) => (reachedHigherLevel(t.history, co.occupation, co.level) ? lower : undefined),
    (t) => (t.skillUpgradeSubsidy || drewSkillUpgradeFor(t.history, co.occupation, co.level) ? upgrade : undefined),
  ];
  return standardPerPerson(c, x, { rule: 'heze.standard', notPassed: 'heze.not_passed', gates });
};

const certificate = (c: CertificateCase, x: Explainer): PersonResult[] => {
  const byAmount = new Map<number, number>();
  const persons = c.people.map((p): PersonResult => {
    const cert = p.certificate;
    const per = x.param('certificateStandardFen', { certificateType: cert.type, occupation: cert.occupation, level: cert.level });
    const reasons: Reason[] = [];
    if (hadCertificateSubsidySame(p.history, cert.type, cert.occupation, cert.level)) {
      reasons.push(x.reason('heze.same_level', `已享受过同一职业（${cert.occupation}）同一等级的取证补贴`));
    }
    if (cert.type === 'skill_level' && reachedHigherLevel(p.history, cert.occupation, cert.level)) {
      reasons.push(x.reason('heze.lower_after_higher', `已取得同一职业（${cert.occupation}）更高等级证书`));
    }
    if (p.skillUpgradeSubsidy || drewSkillUpgradeFor(p.history, cert.occupation, cert.level)) {
      reasons.push(x.reason('heze.skill_upgrade_exclusive', '已享受技能提升补贴，不能重复享受'));
    }
    if (reasons.length > 0) return { id: p.id, amountFen: 0, eligible: false, reasons };
    byAmount.set(per, (byAmount.get(per) ?? 0) + 1);
    return { id: p.id, amountFen: per, eligible: true, reasons: NO_REASONS };
  });
  for (const [per, n] of byAmount) x.line('heze.certificate', per * n, `取证补贴 ${yuan(per)} 元/人 × ${n} 人`);
  return persons;
};

export const heze2024: Pack = {
  id: 'heze-2024',
  title: '菏泽市职业技能培训管理办法（试行）',
  docNumber: DOC,
  issuer: '菏泽市人力资源和社会保障局',
  region: '371700',
  docDate: '2024-09-30',
  validFrom: FROM,
  validityNote: '第三十条：自印发之日起施行；未规定有效期',
  rules,
  parameters,
  deadlines: [
    { id: 'heze.opening', event: '申报开班', anchor: 'cohort_start', min: -3, max: -3, unit: 'working_day', sense: 'before', article: '第十一条', text: '开展职业技能培训前至少3个工作日申报开班' },
    { id: 'heze.archives', event: '培训档案留存', anchor: 'cohort_end', min: 5, max: 5, unit: 'year', sense: 'at_least', article: '第十五条', text: '培训档案留存期限为五年' },
    { id: 'heze.online_data', event: '线上培训数据留存', anchor: 'cohort_end', min: 5, max: 5, unit: 'year', sense: 'at_least', article: '第十九条', text: '线上培训数据资料留存期限为五年' },
  ],
  certificates: true,
  training,
  certificate,
};
