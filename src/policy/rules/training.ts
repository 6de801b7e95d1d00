/**
 * Building blocks several packs share: screening trainees through gates, the order/project ladder
 * (yangquan 第六条 and xinzhou 三(三) state the same ladder), and a per-person standard. The pack passes
 * its own rule ids, so every line and reason cites the pack's own article.
 */
import { formatYuan } from '../../shared/money.ts';
import type { Explainer } from '../explain.ts';
import { formatPercent, ratio } from '../fraction.ts';
import {
  PROGRAM_TYPE_NAMES,
  type ParamScope,
  type PersonResult,
  type Reason,
  type Trainee,
  type TrainingCase,
} from '../policy.ts';
import { roundHalfUp } from '../rounding.ts';

/**
 * Employment rate = employed ÷ passed (SPEC §4.4; neither seed defines it otherwise), exact: reached when
 * employed × 100 ≥ minPercent × passed. Nobody passed: not reached.
 */
export const employmentRate = (trainees: readonly { passed: boolean; employed: boolean }[], minPercent: number) => {
  let passed = 0;
  let employed = 0;
  for (const t of trainees) {
    if (t.passed) {
      passed++;
      if (t.employed) employed++;
    }
  }
  const text = passed === 0 ? '无合格人员，就业率无从计算' : `就业 ${employed} ÷ 合格 ${passed} = ${formatPercent(ratio(employed, passed))}`;
  return { passed, employed, reached: passed > 0 && employed * 100 >= minPercent * passed, text };
};

/** A person-level condition: a reason when the trainee fails it. */
export type Gate = (t: Trainee) => Reason | undefined;

/** Shared by every paid person: no allocation per eligible trainee. */
export const NO_REASONS: readonly Reason[] = Object.freeze([]);

export const yuan = formatYuan;

/** 14.5 for 29 half days. */
export const halfDaysText = (h: number): string => (h % 2 === 0 ? String(h / 2) : `${(h - 1) / 2}.5`);

export const cohortScope = (c: TrainingCase): ParamScope => ({
  programType: c.cohort.programType,
  occupation: c.cohort.occupation,
  level: c.cohort.level,
});

/** All failed gates of a trainee (every reason is reported, not only the first: heze 第十二条 asks for reasons). */
export const screen = (t: Trainee, gates: readonly Gate[], cohortReasons?: readonly Reason[]): readonly Reason[] => {
  let out: Reason[] | undefined;
  if (cohortReasons && cohortReasons.length > 0) out = [...cohortReasons];
  for (const g of gates) {
    const r = g(t);
    if (r) (out ??= []).push(r);
  }
  return out ?? NO_REASONS;
};

/**
 * Pay `perPersonFen` to every trainee passing the gates; returns persons and the number paid. `cohortReasons`
 * (cohort-level failures, e.g. too few lessons) refuse everyone.
 */
export const payEach = (
  trainees: readonly Trainee[],
  gates: readonly Gate[],
  perPersonFen: number,
  cohortReasons?: readonly Reason[],
): { persons: PersonResult[]; paid: number } => {
  const persons: PersonResult[] = new Array(trainees.length);
  let paid = 0;
  for (let i = 0; i < trainees.length; i++) {
    const t = trainees[i];
    const reasons = screen(t, gates, cohortReasons);
    const eligible = reasons.length === 0;
    if (eligible) paid++;
    persons[i] = { id: t.id, amountFen: eligible ? perPersonFen : 0, eligible, reasons };
  }
  return { persons, paid };
};

export interface LadderIds {
  /** The employment-rate finding (80%). */
  readonly rate: string;
  readonly ladder: string;
  /** Recording deduction (yangquan 不录不补); omit when the pack has none. */
  readonly recording?: string;
  /** Reason for a trainee outside the base: not passed (yangquan) or not verified (xinzhou). */
  readonly notInBase: string;
  /** Base `trained`: reason for a verified trainee who did not pass (xinzhou 三(一) 培训合格证书). */
  readonly notPassed?: string;
  readonly notEmployed: string;
}

/**
 * Order/project ladder: first N days at A per day, later days at B, at most C per person. If the employment
 * rate (employed ÷ passed, SPEC §4.4) reaches the threshold, the whole base is paid; otherwise only the
 * employed. `base` is who the seed pays: 合格人数 (yangquan) or 培训人数 (xinzhou: verified trainees, of whom
 * only those who passed, since its claim needs a 培训合格证书 for every person; the rate counts the same persons).
 */
export const orderProjectLadder = (
  c: TrainingCase,
  x: Explainer,
  o: { base: 'passed' | 'trained'; gates: readonly Gate[]; ids: LadderIds },
): PersonResult[] => {
  const co = c.cohort;
  const scope = cohortScope(c);
  const firstDays = x.param('orderFirstDays', scope);
  const firstFen = x.param('orderFirstDailyFen', scope);
  const laterFen = x.param('orderLaterDailyFen', scope);
  const capFen = x.param('orderCapFen', scope);
  const minPct = x.param('employmentRateMinPercent', scope);

  const counted = o.base === 'passed' ? c.trainees : c.trainees.filter((t) => t.verified);
  const { reached: full, text: rateText } = employmentRate(counted, minPct);
  const baseName = o.base === 'passed' ? '培训合格人数' : '培训人数（考核合格者）';
  x.line(
    o.ids.rate,
    0,
    full
      ? `培训后就业率 ${rateText} ≥ ${minPct}%：按${baseName}全额拨付`
      : `培训后就业率 ${rateText}，未达 ${minPct}%：按实际就业人数申领`,
  );

  const missing = o.ids.recording ? co.missingRecordingHalfDays : 0;
  const halfDays = co.days * 2 - missing;
  if (missing > 0 && o.ids.recording) {
    x.line(
      o.ids.recording,
      0,
      `缺少培训录像 ${missing} 个半天，不录不补：计补贴天数 ${co.days} − ${halfDaysText(missing)} = ${halfDaysText(halfDays)} 天`,
    );
  }
  const firstHalf = Math.min(halfDays, 2 * firstDays);
  const laterHalf = Math.max(halfDays - 2 * firstDays, 0);
  // Half a day at an odd daily fen would leave half a fen: the one rounding rule, cited by this line.
  const raw = roundHalfUp(firstHalf * firstFen + laterHalf * laterFen, 2);
  const per = Math.min(raw, capFen);

  const notInBase = x.reason(
    o.ids.notInBase,
    o.base === 'passed' ? '未考核合格：按培训合格人数拨付' : '未经现场检查、视频调阅核定：不计入培训人数',
  );
  const notEmployed = x.reason(o.ids.notEmployed, `就业率未达 ${minPct}%，仅按实际就业人数拨付，本人未就业`);
  const gates: Gate[] = [...o.gates];
  if (o.base === 'passed') gates.push((t) => (t.passed ? undefined : notInBase));
  else {
    const notPassed = x.reason(o.ids.notPassed ?? o.ids.notInBase, '未考核合格：申领须附培训合格证书');
    gates.push((t) => (t.verified ? undefined : notInBase), (t) => (t.passed ? undefined : notPassed));
  }
  if (!full) gates.push((t) => (t.employed ? undefined : notEmployed));
  const { persons, paid } = payEach(c.trainees, gates, per);

  const laterText = laterHalf > 0 ? ` + 之后 ${halfDaysText(laterHalf)} 天 × ${yuan(laterFen)}` : '';
  const capText = raw > capFen ? `，超过每人最高 ${yuan(capFen)} 元，按 ${yuan(capFen)} 元` : `（每人最高 ${yuan(capFen)} 元）`;
  x.line(
    o.ids.ladder,
    per * paid,
    `${PROGRAM_TYPE_NAMES[co.programType]} ${halfDaysText(halfDays)} 天：前${firstDays}天内 ${halfDaysText(firstHalf)} 天 × ${yuan(firstFen)}${laterText} = ${yuan(raw)} 元${capText}；${yuan(per)} 元 × ${paid} 人`,
  );
  return persons;
};

/**
 * A standard per person (a parameter the bureau sets, optionally per occupation/level/programme) for each
 * trainee who passed the exam and the pack's gates.
 */
export const standardPerPerson = (
  c: TrainingCase,
  x: Explainer,
  o: { rule: string; notPassed: string; gates: readonly Gate[]; key?: string; cohortReasons?: readonly Reason[] },
): PersonResult[] => {
  const key = o.key ?? 'standardPerPersonFen';
  const per = x.param(key, cohortScope(c));
  const notPassed = x.reason(o.notPassed, '未考核合格（培训合格证书是申领补贴的依据）');
  const { persons, paid } = payEach(
    c.trainees,
    [...o.gates, (t) => (t.passed ? undefined : notPassed)],
    per,
    o.cohortReasons,
  );
  x.line(o.rule, per * paid, `${PROGRAM_TYPE_NAMES[c.cohort.programType]} 补贴标准 ${yuan(per)} 元/人 × ${paid} 人`);
  return persons;
};
