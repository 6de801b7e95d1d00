/**
 * 《绥化市职业技能提升行动培训管理办法》, 绥就办发〔2019〕1号, 2019-12-05. 第十四条: in force from issue; no end.
 * The seed numbers three consecutive articles 第十条; citations name them by their headings:
 * 第十条（培训的组织管理）, 第十条（培训补贴的申请及拨付）, 第十条（培训基础台账管理）.
 * Amounts: "按绥财联发〔2018〕49号执行" — a parameter per programme/occupation/level.
 */
import { atLeastPercent } from '../fraction.ts';
import type { Explainer } from '../explain.ts';
import type { Pack } from '../pack.ts';
import { ENTERPRISE_TYPES, PROGRAM_TYPE_NAMES, type ParameterDef, type PersonResult, type Reason, type TrainingCase } from '../policy.ts';
import { roundHalfUp } from '../rounding.ts';
import { hadTrainingAtSameLevel, trainingSubsidiesInYear } from '../rules/limits.ts';
import { cohortScope, standardPerPerson, yuan, type Gate } from '../rules/training.ts';

const DOC = '绥就办发〔2019〕1号';
const FROM = '2019-12-05';
const T1 = '第十条（培训的组织管理）';
const T2 = '第十条（培训补贴的申请及拨付）';
const T3 = '第十条（培训基础台账管理）';
const v = (value: number, article: string) => [{ value, from: FROM, source: `${DOC} ${article}` }];

const parameters: ParameterDef[] = [
  {
    key: 'standardPerPersonFen',
    unit: 'fen',
    text: '培训补贴标准每人（按培训类别、职业、等级）',
    citation: `${DOC} ${T2}`,
    values: [],
    refersTo: '绥财联发〔2018〕49号（企业职工培训：黑财规审〔2019〕13号；新型学徒制：黑人社规〔2019〕3号）',
  },
  { key: 'attendanceMinPercent', unit: 'percent', text: '每名学员出勤率', citation: `${DOC} 第五条(三)、${T1}(三)`, values: v(70, `${T1}(三)`) },
  { key: 'entrepreneurshipAttendanceMinPercent', unit: 'percent', text: '创业培训学员到课率', citation: `${DOC} ${T1}(三)`, values: v(90, `${T1}(三)`) },
  { key: 'preJobMinLessons', unit: 'lessons', text: '岗前培训不得低于（课时）', citation: `${DOC} 第五条(三)`, values: v(30, '第五条(三)') },
  { key: 'maxLessonsPerDay', unit: 'lessons', text: '每天不超过（课时，每课时40分钟）', citation: `${DOC} 第五条(三)、${T1}(三)`, values: v(8, '第五条(三)') },
  { key: 'annualSubsidyLimit', unit: 'count', text: '每人每年职业培训补贴不超过（次）', citation: `${DOC} 第十二条`, values: v(3, '第十二条') },
  { key: 'advanceMinPercent', unit: 'percent', text: '开班后先行拨付不低于标准的', citation: `${DOC} 第五条(二)、${T1}(二)`, values: v(50, `${T1}(二)`) },
  { key: 'advanceProjectMinPercent', unit: 'percent', text: '项目制或化解过剩产能转岗职工培训先行拨付不低于', citation: `${DOC} ${T1}(二)`, values: v(70, `${T1}(二)`) },
];

const rules = [
  { id: 'suihua.attendance_enterprise', article: '第五条(三)', text: '企业职工培训每名学员出勤率要达到70%以上' },
  { id: 'suihua.attendance', article: `${T1}(三)`, text: '就业技能培训每名学员出勤率要达到70%以上' },
  { id: 'suihua.attendance_entrepreneurship', article: `${T1}(三)`, text: '创业培训学员的到课率达到90%以上' },
  { id: 'suihua.pre_job_lessons', article: '第五条(三)', text: '岗前培训不得低于30课时' },
  { id: 'suihua.lessons_per_day_enterprise', article: '第五条(三)', text: '每课时40分钟，每天不超过8课时' },
  { id: 'suihua.lessons_per_day', article: `${T1}(三)`, text: '每课时40分钟，每天不超过8课时' },
  { id: 'suihua.practical_skills_group', article: '第九条(三)', text: '实用技能培训面向贫困家庭子女、贫困劳动力' },
  { id: 'suihua.annual_limit', article: '第十二条', text: '每人每年可享受不超过3次职业培训补贴' },
  { id: 'suihua.same_level', article: '第十二条', text: '同一职业同一等级不可重复享受' },
  { id: 'suihua.not_passed', article: `第五条(五)、${T1}(五)`, text: '考试合格发放职业培训合格证，作为申领补贴依据；未合格者不补' },
  { id: 'suihua.standard_enterprise', article: '第六条', text: '企业职工培训补贴按黑财规审〔2019〕13号执行（标准为参数）' },
  { id: 'suihua.standard', article: T2, text: '培训补贴标准按绥财联发〔2018〕49号执行（标准为参数）' },
  { id: 'suihua.advance_enterprise', article: '第五条(二)', text: '开班审核后按不低于培训补贴标准的50%先行拨付' },
  { id: 'suihua.advance', article: `${T1}(二)`, text: '开班审核后按不低于收费标准的50%先行拨付，项目制或化解过剩产能转岗职工、失业人员培训不低于70%' },
  { id: 'suihua.contract', article: '第四条', text: '企业职工培训对象须签订1年以上劳动合同；岗前培训在合同签订之日起1年内', stage: 'workflow' },
  { id: 'suihua.apprenticeship_term', article: '第四条(三)', text: '学徒培养期限1—2年，特殊情况可延长至3年', stage: 'workflow' },
  { id: 'suihua.work_for_training_term', article: '第四条(五)', text: '以工代训培训期限最长不超过6个月', stage: 'workflow' },
  { id: 'suihua.opening', article: `第五条(二)、${T1}(二)`, text: '开班前5个工作日提交开班申请', stage: 'workflow' },
  { id: 'suihua.certificate_number', article: `第五条(五)、${T1}(五)`, text: '证书编号 JNPX/GQPX/ZGPX+12+区划代码2位+年份2位+编号6位', stage: 'workflow' },
  { id: 'suihua.claim', article: `第六条(一)、${T2}(一)`, text: '考核结束后10个工作日内报送；公示5个工作日；15个（或30个）工作日内拨付剩余资金', stage: 'workflow' },
  { id: 'suihua.ledger', article: `第七条、${T3}`, text: '培训基础台账（14/17项）', stage: 'workflow' },
] as const;

const training = (c: TrainingCase, x: Explainer): PersonResult[] => {
  const co = c.cohort;
  const pt = co.programType;
  const ent = ENTERPRISE_TYPES.has(pt);
  const scope = cohortScope(c);

  const cohortReasons: Reason[] = [];
  const maxPerDay = x.param('maxLessonsPerDay', scope);
  if (co.lessons > maxPerDay * co.days) {
    const rule = ent ? 'suihua.lessons_per_day_enterprise' : 'suihua.lessons_per_day';
    const text = `${co.lessons} 课时 / ${co.days} 天超过每天 ${maxPerDay} 课时`;
    x.line(rule, 0, text);
    cohortReasons.push(x.reason(rule, text));
  }
  if (pt === 'enterprise_pre_job') {
    const min = x.param('preJobMinLessons', scope);
    const ok = co.lessons >= min;
    const text = `岗前培训 ${co.lessons} 课时${ok ? '达到' : '低于'} ${min} 课时`;
    x.line('suihua.pre_job_lessons', 0, text);
    if (!ok) cohortReasons.push(x.reason('suihua.pre_job_lessons', text));
  }

  const gates: Gate[] = [];
  const entre = pt === 'entrepreneurship';
  const minAtt = x.param(entre ? 'entrepreneurshipAttendanceMinPercent' : 'attendanceMinPercent', scope);
  const attRule = entre ? 'suihua.attendance_entrepreneurship' : ent ? 'suihua.attendance_enterprise' : 'suihua.attendance';
  gates.push((t) =>
    atLeastPercent(t.attendance, minAtt)
      ? undefined
      : x.reason(attRule, `${entre ? '到课率' : '出勤率'} ${t.attendanceRate} 未达到 ${minAtt}%`),
  );
  if (pt === 'practical_skills') {
    const notPoor = x.reason('suihua.practical_skills_group', '实用技能培训对象须为贫困家庭子女或贫困劳动力');
    gates.push((t) => (t.groups.includes('poor_family_child') || t.groups.includes('poor_labour') ? undefined : notPoor));
  }
  const limit = x.param('annualSubsidyLimit', scope);
  const year = co.startDate.slice(0, 4);
  gates.push((t) => {
    const n = trainingSubsidiesInYear(t.history, co.startDate);
    return n >= limit ? x.reason('suihua.annual_limit', `${year} 年已享受 ${n} 次职业培训补贴，每人每年不超过 ${limit} 次`) : undefined;
  });
  const same = x.reason('suihua.same_level', `同一职业（${co.occupation}）同一等级已享受过职业培训补贴`);
  gates.push((t) => (hadTrainingAtSameLevel(t.history, co.occupation, co.level) ? same : undefined));

  const persons = standardPerPerson(c, x, {
    rule: ent ? 'suihua.standard_enterprise' : 'suihua.standard',
    notPassed: 'suihua.not_passed',
    gates,
    cohortReasons,
  });

  // Advance payment: information for the workflow (paid at opening, of the standard, not of this total).
  const adv = advanceDue(x, co);
  x.line(adv.rule, 0, `${adv.text}（仅供拨付参考，不计入合计）`);
  return persons;
};

/**
 * The advance due when the bureau approves the opening (第五条(二), ${T1}(二)): at least 50% of the standard
 * per person (70% for project cohorts and capacity-reduction trainees), rounded half up to the fen, times
 * the approved headcount. The opening workflow records it as due; the training calculation shows it as a note.
 */
export const advanceDue = (
  x: Explainer,
  co: Pick<TrainingCase['cohort'], 'programType' | 'occupation' | 'level' | 'capacityReduction' | 'approvedHeadcount'>,
): { rule: string; perPersonFen: number; percent: number; totalFen: number; text: string } => {
  const pt = co.programType;
  const ent = ENTERPRISE_TYPES.has(pt);
  const scope = { programType: pt, occupation: co.occupation, level: co.level };
  const per = x.param('standardPerPersonFen', scope);
  const high = !ent && (pt === 'project' || co.capacityReduction);
  const pct = x.param(high ? 'advanceProjectMinPercent' : 'advanceMinPercent', scope);
  const adv = roundHalfUp(per * pct, 100);
  const totalFen = adv * co.approvedHeadcount;
  return {
    rule: ent ? 'suihua.advance_enterprise' : 'suihua.advance',
    perPersonFen: adv,
    percent: pct,
    totalFen,
    text: `开班审核后可先行拨付不低于标准的 ${pct}%：${yuan(per)} × ${pct}% = ${yuan(adv)} 元/人 × 开班审批 ${co.approvedHeadcount} 人 = ${yuan(totalFen)} 元（${PROGRAM_TYPE_NAMES[pt]}）`,
  };
};

export const suihua2019: Pack = {
  id: 'suihua-2019',
  title: '绥化市职业技能提升行动培训管理办法',
  docNumber: DOC,
  issuer: '绥化市就业工作领导小组办公室',
  region: '231200',
  docDate: '2019-12-05',
  validFrom: FROM,
  validityNote: '第十四条：自印发之日起施行；未规定有效期',
  rules,
  parameters,
  deadlines: [
    { id: 'suihua.opening', event: '开班申请', anchor: 'cohort_start', min: -5, max: -5, unit: 'working_day', sense: 'before', article: `第五条(二)、${T1}(二)`, text: '开班前5个工作日提交开班申请' },
    { id: 'suihua.appraisal_filing', event: '鉴定发证备案', anchor: 'appraisal', min: -5, max: -5, unit: 'calendar_day', sense: 'before', article: `第五条(五)、${T1}(五)`, text: '提前5天向鉴定中心提交发证备案表' },
    { id: 'suihua.claim', event: '报送补贴申请材料', anchor: 'exam', min: 10, max: 10, unit: 'working_day', sense: 'within', article: `第六条(一)、${T2}(一)`, text: '培训考核结束后10个工作日内报送' },
    { id: 'suihua.disclosure', event: '补贴公示', anchor: 'disclosure_start', min: 5, max: 5, unit: 'working_day', sense: 'at_least', article: `第六条(一)、${T2}(一)`, text: '公示5个工作日' },
    { id: 'suihua.payment', event: '拨付剩余补贴', anchor: 'disclosure_end', min: 15, max: 30, unit: 'working_day', sense: 'within', article: `第六条(一)、${T2}(一)`, text: '公示结束无异议的，在15个（企业职工培训）或15个或30个（重点群体培训）工作日内拨付' },
  ],
  certificates: false,
  training,
};
