/**
 * 忻州市人社局·财政局《关于2024年推进“人人持证、技能山西”建设工作有关事项的通知》, 忻人社函〔2024〕29号,
 * 2024-04-12. States no end; in force from its date (a 2024 notice: a later notice supersedes it by a new pack).
 */
import type { Explainer } from '../explain.ts';
import type { Pack } from '../pack.ts';
import type { CertificateCase, Group, ParameterDef, PersonResult, Trainee, TrainingCase } from '../policy.ts';
import { NO_REASONS, cohortScope, orderProjectLadder, standardPerPerson, yuan } from '../rules/training.ts';

const DOC = '忻人社函〔2024〕29号';
const FROM = '2024-04-12';
const v = (value: number, article: string) => [{ value, from: FROM, source: `${DOC} ${article}` }];

const parameters: ParameterDef[] = [
  { key: 'orderFirstDays', unit: 'days', text: '订单式、项目制培训阶梯补贴：前N天', citation: `${DOC} 三(三)`, values: v(10, '三(三)') },
  { key: 'orderFirstDailyFen', unit: 'fen', text: '前10天每人每天', citation: `${DOC} 三(三)`, values: v(15000, '三(三)') },
  { key: 'orderLaterDailyFen', unit: 'fen', text: '之后每人每天', citation: `${DOC} 三(三)`, values: v(10000, '三(三)') },
  { key: 'orderCapFen', unit: 'fen', text: '每人最高', citation: `${DOC} 三(三)`, values: v(500000, '三(三)') },
  { key: 'employmentRateMinPercent', unit: 'percent', text: '培训后就业率达到…全额拨付', citation: `${DOC} 三(三)`, values: v(80, '三(三)') },
  {
    key: 'livingAllowanceDailyFen',
    unit: 'fen',
    text: '生活补助每人每天',
    citation: `${DOC} 三(一)`,
    values: [],
    refersTo: '省、市生活补助标准（本通知只列对象和材料）',
  },
  {
    key: 'standardPerPersonFen',
    unit: 'fen',
    text: '订单式、项目制以外培训的每人标准',
    citation: `${DOC} 三`,
    values: [],
    refersTo: '晋人社厅发〔2024〕22号等省级标准',
  },
  {
    key: 'certificateStandardFen',
    unit: 'fen',
    text: '取证补贴每人标准',
    citation: `${DOC} 三(二)`,
    values: [],
    refersTo: '省级取证补贴标准',
  },
];

const rules = [
  { id: 'xinzhou.order_employment_rate', article: '三(三)', text: '培训后就业率达到80%及以上按培训人数（考核合格者）全额拨付，否则按实际就业人数' },
  { id: 'xinzhou.order_ladder', article: '三(三)', text: '前10天每人每天150元、之后每人每天100元，最高每人不超过5000元' },
  { id: 'xinzhou.order_not_verified', article: '三(三)', text: '按培训人数拨付：未经核定的学员不计入' },
  { id: 'xinzhou.order_not_employed', article: '三(三)', text: '就业率未达80%：未就业者不补' },
  { id: 'xinzhou.standard', article: '三', text: '订单式、项目制以外的培训按规定标准申领' },
  { id: 'xinzhou.not_passed', article: '三(一)', text: '申领须附培训合格证书：未合格者不补' },
  { id: 'xinzhou.living_allowance', article: '三(一)', text: '贫困劳动力、就业困难人员、零就业家庭成员、“两后生”中的农村学员和城市低保家庭学员申请生活补助' },
  { id: 'xinzhou.certificate', article: '三(二)', text: '取证补贴按标准拨付' },
  { id: 'xinzhou.opening', article: '二(二)(2)', text: '开班前3-5天完成开班备案', stage: 'workflow' },
  { id: 'xinzhou.completion', article: '二(二)(3)', text: '结业前3天提交结业申请', stage: 'workflow' },
  { id: 'xinzhou.employment_proof', article: '三(一)', text: '订单式、项目制须提供一年以上劳动合同或其他就业证明', stage: 'workflow' },
  { id: 'xinzhou.disclosure', article: '三(二)', text: '公示不少于5个工作日，无异议后报财政复审', stage: 'workflow' },
  { id: 'xinzhou.recording', article: '四(二)2', text: '每学时连续录像不低于10分钟，视频留存2年', stage: 'workflow' },
  { id: 'xinzhou.two_signatures', article: '四(二)3', text: '两人以上经办审查签字', stage: 'workflow' },
] as const;

const ALLOWANCE_GROUPS: ReadonlySet<Group> = new Set<Group>(['poor_labour', 'hard_to_employ', 'zero_employment_family']);

/** 三(一): the groups that may claim the living allowance; of the 两后生 only rural and urban-低保 students. */
export const livingAllowanceEligible = (t: Trainee): boolean =>
  t.groups.some((g) => ALLOWANCE_GROUPS.has(g)) ||
  (t.groups.includes('two_after') && (t.groups.includes('rural_household') || t.groups.includes('urban_dibao')));

/** Adds the living allowance of paid trainees in the groups of 三(一); its standard is needed only when someone qualifies. */
const livingAllowance = (c: TrainingCase, x: Explainer, persons: PersonResult[]): PersonResult[] => {
  const ids: string[] = [];
  for (let i = 0; i < persons.length; i++) {
    if (persons[i].eligible && livingAllowanceEligible(c.trainees[i])) ids.push(persons[i].id);
  }
  if (ids.length === 0) return persons;
  const daily = x.param('livingAllowanceDailyFen', cohortScope(c));
  const per = daily * c.cohort.days;
  const set = new Set(ids);
  x.line('xinzhou.living_allowance', per * ids.length, `生活补助 ${yuan(daily)} 元/天 × ${c.cohort.days} 天 × ${ids.length} 人（${ids.join('、')}）`);
  return persons.map((p) => (set.has(p.id) ? { ...p, amountFen: p.amountFen + per } : p));
};

const training = (c: TrainingCase, x: Explainer): PersonResult[] => {
  const pt = c.cohort.programType;
  const persons =
    pt === 'order' || pt === 'project'
      ? orderProjectLadder(c, x, {
          base: 'trained',
          gates: [],
          ids: {
            rate: 'xinzhou.order_employment_rate',
            ladder: 'xinzhou.order_ladder',
            notInBase: 'xinzhou.order_not_verified',
            notPassed: 'xinzhou.not_passed',
            notEmployed: 'xinzhou.order_not_employed',
          },
        })
      : standardPerPerson(c, x, { rule: 'xinzhou.standard', notPassed: 'xinzhou.not_passed', gates: [] });
  return livingAllowance(c, x, persons);
};

const certificate = (c: CertificateCase, x: Explainer): PersonResult[] => {
  const byAmount = new Map<number, number>();
  const persons = c.people.map((p): PersonResult => {
    const cert = p.certificate;
    const per = x.param('certificateStandardFen', { certificateType: cert.type, occupation: cert.occupation, level: cert.level });
    byAmount.set(per, (byAmount.get(per) ?? 0) + 1);
    return { id: p.id, amountFen: per, eligible: true, reasons: NO_REASONS };
  });
  for (const [per, n] of byAmount) x.line('xinzhou.certificate', per * n, `取证补贴 ${yuan(per)} 元/人 × ${n} 人`);
  return persons;
};

export const xinzhou2024: Pack = {
  id: 'xinzhou-2024',
  title: '关于2024年推进“人人持证、技能山西”建设工作有关事项的通知',
  docNumber: DOC,
  issuer: '忻州市人力资源和社会保障局、忻州市财政局',
  region: '140900',
  docDate: '2024-04-12',
  validFrom: FROM,
  validityNote: '未规定有效期：自发文之日起适用',
  rules,
  parameters,
  deadlines: [
    { id: 'xinzhou.opening', event: '开班备案', anchor: 'cohort_start', min: -5, max: -3, unit: 'calendar_day', sense: 'before', article: '二(二)(2)', text: '开班前3-5天完成开班备案' },
    { id: 'xinzhou.completion', event: '结业申请', anchor: 'cohort_end', min: -3, max: -3, unit: 'calendar_day', sense: 'before', article: '二(二)(3)', text: '结业前3天提交结业申请材料' },
    { id: 'xinzhou.disclosure', event: '补贴公示', anchor: 'disclosure_start', min: 5, max: 5, unit: 'working_day', sense: 'at_least', article: '三(二)', text: '公示不少于5个工作日' },
    { id: 'xinzhou.video_retention', event: '培训视频留存', anchor: 'cohort_end', min: 2, max: 2, unit: 'year', sense: 'at_least', article: '四(二)2', text: '培训视频留存2年' },
  ],
  certificates: true,
  training,
  certificate,
};
