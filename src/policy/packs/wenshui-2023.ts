/**
 * 文水县《2023年职业技能提升培训工作绩效考核办法》, 文人社字〔2023〕51号, 2023-12-07. No end stated: in
 * force from its date. Money is settled per class (按班考核): verified persons × days × daily standard,
 * with the deductions of 五(二). Persons are listed for eligibility only.
 */
import { formatDecimal, formatPercent, ratio } from '../fraction.ts';
import type { Explainer } from '../explain.ts';
import type { Pack } from '../pack.ts';
import type { ParameterDef, PersonResult, TrainingCase } from '../policy.ts';
import { roundHalfUp } from '../rounding.ts';
import { cohortScope, halfDaysText, yuan, employmentRate } from '../rules/training.ts';

const DOC = '文人社字〔2023〕51号';
const FROM = '2023-12-07';
const v = (value: number, article: string) => [{ value, from: FROM, source: `${DOC} ${article}` }];

const parameters: ParameterDef[] = [
  {
    key: 'dailyStandardFen',
    unit: 'fen',
    text: '每天培训补贴标准（每人每天）',
    citation: `${DOC} 五`,
    values: [],
    refersTo: '相关文件规定的每天培训补贴标准（本办法未列金额）',
  },
  {
    key: 'generalDailyStandardFen',
    unit: 'fen',
    text: '普惠制培训每天补贴标准（就业率不达80%时适用）',
    citation: `${DOC} 五(二)`,
    values: [],
    refersTo: '普惠制培训补贴标准（本办法未列金额）',
  },
  { key: 'passRateMinPercent', unit: 'percent', text: '每班培训合格率（以开班审批表人数为基数）', citation: `${DOC} 五(二)`, values: v(80, '五(二)') },
  { key: 'employmentRateMinPercent', unit: 'percent', text: '就业率', citation: `${DOC} 五(二)`, values: v(80, '五(二)') },
];

const rules = [
  { id: 'wenshui.employment_rate', article: '五(二)', text: '就业率不达80%的，按普惠制培训给予补贴' },
  { id: 'wenshui.base', article: '五', text: '根据培训人数、培训天数和每天培训补贴标准综合计算；培训人数按现场检查、视频调阅等方式核定' },
  { id: 'wenshui.pass_rate', article: '五(二)', text: '合格率不达80%（以开班审批人数为基数），核减（不达标比例×核实人数）人的补贴，四舍五入到人' },
  { id: 'wenshui.recording', article: '五(二)', text: '影像资料缺失半天扣减半天培训时间，缺失1天扣减全天' },
  { id: 'wenshui.class_settlement', article: '五', text: '按班核算，补贴计入班级合计，不分摊到人' },
  { id: 'wenshui.not_verified', article: '五', text: '未经现场检查、视频调阅核定，不计入培训人数' },
  { id: 'wenshui.voucher', article: '三(二)', text: '参加培训的人员必须全部发放电子培训券，“发券—培训—持证—兑现”闭环管理：未绑定电子券者不补' },
  { id: 'wenshui.order_share', article: '二(三)', text: '“订单式”培训不得低于培训任务的30%', stage: 'workflow' },
  { id: 'wenshui.opening', article: '三(三)', text: '提前一周提交开班报告（订单式开班前15日）', stage: 'workflow' },
  { id: 'wenshui.dual_signin', article: '三(四)', text: '本人签到和电子券签到同步进行', stage: 'workflow' },
  { id: 'wenshui.practical_group', article: '三(五)', text: '实操分组，每组不超过5人', stage: 'workflow' },
  { id: 'wenshui.theory_room', article: '三(六)', text: '理论教学场地不低于50平方米', stage: 'workflow' },
  { id: 'wenshui.archives', article: '四(一)', text: '档案保存期限不低于十年', stage: 'workflow' },
  { id: 'wenshui.original_video', article: '四(二)', text: '原始视频，不得拼接、剪辑', stage: 'workflow' },
  { id: 'wenshui.employment_proof', article: '四(三)', text: '就业证明：六个月以上劳动合同及工资表等', stage: 'workflow' },
] as const;

const training = (c: TrainingCase, x: Explainer): PersonResult[] => {
  const co = c.cohort;
  const scope = cohortScope(c);
  const passMin = x.param('passRateMinPercent', scope);
  const empMin = x.param('employmentRateMinPercent', scope);

  const { passed, reached: employmentOk, text: rateText } = employmentRate(c.trainees, empMin);
  const key = employmentOk ? 'dailyStandardFen' : 'generalDailyStandardFen';
  const std = x.param(key, scope);
  x.line(
    'wenshui.employment_rate',
    0,
    employmentOk
      ? `就业率 ${rateText} ≥ ${empMin}%：按每天培训补贴标准 ${yuan(std)} 元`
      : `就业率 ${rateText}，不达 ${empMin}%：按普惠制培训标准 ${yuan(std)} 元/人/天`,
  );

  const A = co.approvedHeadcount;
  const D = co.days;
  x.line('wenshui.base', co.verifiedHeadcount * D * std, `核实人数 ${co.verifiedHeadcount} 人 × ${D} 天 × ${yuan(std)} 元 = ${yuan(co.verifiedHeadcount * D * std)} 元`);
  // Verified trainees without a voucher are inside verifiedHeadcount but outside the closed loop of 三(二).
  const noVoucher = c.trainees.filter((t) => t.verified && !t.voucherBound);
  const out = Math.min(noVoucher.length, co.verifiedHeadcount);
  if (out > 0) {
    x.line(
      'wenshui.voucher',
      -out * D * std,
      `未绑定电子培训券 ${out} 人（${noVoucher.map((t) => t.id).join('、')}），不予补贴：− ${out} 人 × ${D} 天 × ${yuan(std)} 元`,
    );
  }
  // The persons paid: the deductions of 五(二) are taken from them.
  const V = co.verifiedHeadcount - out;

  const passRate = `合格 ${passed} ÷ 开班审批 ${A} = ${formatPercent(ratio(passed, A))}`;
  let k = 0;
  if (passed * 100 < passMin * A) {
    // (80% − P/A) × V persons, exactly (80A − 100P)·V / 100A, rounded half up to whole persons.
    const num = (passMin * A - 100 * passed) * V;
    k = roundHalfUp(num, 100 * A);
    x.line(
      'wenshui.pass_rate',
      -k * D * std,
      `培训合格率 ${passRate}，不达 ${passMin}%：核减 (${passMin}% − ${formatPercent(ratio(passed, A))}) × ${V} = ${formatDecimal(ratio(num, 100 * A))} 人 ≈ ${k} 人（四舍五入）；− ${k} 人 × ${D} 天 × ${yuan(std)} 元`,
    );
  } else {
    x.line('wenshui.pass_rate', 0, `培训合格率 ${passRate} ≥ ${passMin}%：不核减`);
  }

  const m = co.missingRecordingHalfDays;
  if (m > 0) {
    const cut = roundHalfUp((V - k) * m * std, 2);
    x.line(
      'wenshui.recording',
      -cut,
      `影像资料缺失 ${m} 个半天：扣减 ${halfDaysText(m)} 天 × ${V - k} 人 × ${yuan(std)} 元 = ${yuan(cut)} 元`,
    );
  }

  const note = [x.reason('wenshui.class_settlement', '按班核算：补贴按核实人数计入班级合计，不分摊到人')];
  const unverified = x.reason('wenshui.not_verified', '未经现场检查、视频调阅核定，不计入培训人数');
  const unbound = x.reason('wenshui.voucher', '未绑定职业技能电子培训券（发券—培训—持证—兑现闭环）：不予补贴');
  return c.trainees.map((t) => {
    const reasons = [...(t.verified ? [] : [unverified]), ...(t.voucherBound ? [] : [unbound])];
    return reasons.length === 0
      ? { id: t.id, amountFen: 0, eligible: true, reasons: note }
      : { id: t.id, amountFen: 0, eligible: false, reasons };
  });
};

export const wenshui2023: Pack = {
  id: 'wenshui-2023',
  title: '文水县2023年职业技能提升培训工作绩效考核办法',
  docNumber: DOC,
  issuer: '文水县人力资源和社会保障局',
  region: '141121',
  docDate: '2023-12-07',
  validFrom: FROM,
  validityNote: '未规定有效期：自发文之日起适用（标题为2023年度，新办法另立新包）',
  rules,
  parameters,
  deadlines: [
    { id: 'wenshui.opening', event: '开班报告', anchor: 'cohort_start', min: -7, max: -7, unit: 'calendar_day', sense: 'before', article: '三(三)', text: '提前一周提交开班报告' },
    { id: 'wenshui.opening_order', event: '开班报告（订单式）', anchor: 'cohort_start', min: -15, max: -15, unit: 'calendar_day', sense: 'before', programTypes: ['order'], article: '三(三)', text: '订单式培训须在开班前15日提交开班报告' },
    { id: 'wenshui.archives', event: '档案保存', anchor: 'cohort_end', min: 10, max: 10, unit: 'year', sense: 'at_least', article: '四(一)', text: '档案保存期限不低于十年' },
  ],
  certificates: false,
  training,
};
