/**
 * `peixun subsidy calc CASE.json [--json]`, `peixun policy list [--json]`, `peixun policy show ID [--json]`.
 * Reading the case file is the only I/O; everything else is the pure engine.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, invalid } from '../shared/errors.ts';
import { formatYuan } from '../shared/money.ts';
import { calculate } from '../policy/calculate.ts';
import { parseCase } from '../policy/case-file.ts';
import { PACKS, findPack, type Pack } from '../policy/packs/index.ts';
import { PROGRAM_TYPE_NAMES, type Decision, type ParameterDef, type PolicyCase } from '../policy/policy.ts';
import { EXIT, type CliIO, type Command } from './io.ts';

const report = (io: CliIO, cmd: string, e: unknown, json: boolean): number => {
  if (!(e instanceof AppError)) throw e;
  if (json) io.err(JSON.stringify({ error: { code: e.code, message: e.message, field: e.details.field } }));
  else io.err(`peixun ${cmd}: ${e.message}${e.details.field ? ` [field: ${e.details.field}]` : ''}`);
  return e.status < 500 ? EXIT.usage : EXIT.failed;
};

/** Read and parse a case file; every failure is an AppError naming the file or the field. */
export const readCase = async (file: string): Promise<PolicyCase> => {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (e) {
    throw invalid(file, `cannot read the case file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalid(file, `not valid JSON: ${(e as Error).message}`);
  }
  return parseCase(json);
};

const cell = (s: string, w: number) => {
  // CJK characters take two columns in a terminal.
  let width = 0;
  for (const ch of s) width += /[\u1100-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(1, w - width));
};

export const formatDecision = (c: PolicyCase, d: Decision): string => {
  const pack = findPack(d.policy)!;
  const out: string[] = [];
  out.push(`${pack.title}（${pack.docNumber}）`);
  const what = c.kind === 'training' ? `${c.cohort.programType} ${PROGRAM_TYPE_NAMES[c.cohort.programType]}, ${c.cohort.occupation}${c.cohort.level ? ` ${c.cohort.level}级` : ''}, ${c.cohort.days} 天 / ${c.cohort.lessons} 学时` : 'certificate 取证补贴';
  out.push(`policy ${d.policy} · ${what} · asOf ${c.asOf}`, '');
  out.push('人员 persons');
  out.push(`  ${cell('ID', 14)}${cell('符合 eligible', 16)}${cell('金额 amount (元)', 18)}原因 reasons`);
  for (const p of d.persons) {
    const head = `  ${cell(p.id, 14)}${cell(p.eligible ? '是 yes' : '否 no', 16)}${cell(formatYuan(p.amountFen), 18)}`;
    if (p.reasons.length === 0) out.push(head.trimEnd());
    p.reasons.forEach((r, i) => out.push(`${i === 0 ? head : ' '.repeat(48)}${r.text} [${r.citation}]`));
  }
  out.push('', '计算 lines');
  d.lines.forEach((l, i) => {
    out.push(`  ${String(i + 1).padStart(2)}. ${cell(l.rule, 36)}${formatYuan(l.amountFen).padStart(12)} 元   ${l.citation}`);
    out.push(`      ${l.text}`);
  });
  out.push('', `合计 total: ${formatYuan(d.totalFen)} 元 (${d.totalFen} fen)`);
  return out.join('\n');
};

export const subsidyCalc: Command = async (argv, io) => {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0].startsWith('-')) {
    io.err('usage: peixun subsidy calc CASE.json [--json]');
    return EXIT.usage;
  }
  try {
    const c = await readCase(files[0]);
    const d = calculate(c);
    io.out(json ? JSON.stringify(d, null, 2) : formatDecision(c, d));
    return EXIT.ok;
  } catch (e) {
    return report(io, 'subsidy calc', e, json);
  }
};

const paramValueText = (p: ParameterDef): string[] => {
  const unit = (n: number) => (p.unit === 'fen' ? `${formatYuan(n)} 元 (${n} fen)` : p.unit === 'percent' ? `${n}%` : `${n} ${p.unit}`);
  if (p.values.length === 0) return [`未设定 unset — 依据 ${p.refersTo ?? '—'}`];
  return p.values.map((v) => {
    const scope = [v.programType, v.occupation, v.level && `${v.level}级`, v.certificateType].filter(Boolean).join(' ');
    return `${unit(v.value)}${scope ? ` [${scope}]` : ''}, ${v.from} … ${v.to ?? 'open'}, 来源 ${v.source}`;
  });
};

const window = (p: Pack) => `${p.validFrom} … ${p.validTo ?? 'open'}`;

const packJson = (p: Pack) => ({
  id: p.id,
  title: p.title,
  docNumber: p.docNumber,
  issuer: p.issuer,
  region: p.region,
  docDate: p.docDate,
  validFrom: p.validFrom,
  validTo: p.validTo ?? null,
  validityNote: p.validityNote,
  certificates: p.certificates,
  rules: p.rules.map((r) => ({ ...r, citation: `${p.docNumber} ${r.article}`, stage: r.stage ?? 'calculation' })),
  parameters: p.parameters,
  deadlines: p.deadlines,
});

export const policyList: Command = async (argv, io) => {
  if (argv.includes('--json')) {
    io.out(JSON.stringify(PACKS.map(packJson), null, 2));
    return EXIT.ok;
  }
  const out: string[] = [];
  for (const p of PACKS) {
    out.push(`${p.id}  ${p.docNumber}  ${p.title}`, `  ${p.issuer}; in force ${window(p)}`);
    for (const par of p.parameters) {
      const [first, ...rest] = paramValueText(par);
      out.push(`    ${cell(par.key, 38)}${first}  (${par.citation})`);
      for (const r of rest) out.push(`    ${' '.repeat(38)}${r}`);
    }
    out.push('');
  }
  io.out(out.join('\n').trimEnd());
  return EXIT.ok;
};

export const policyShow: Command = async (argv, io) => {
  const json = argv.includes('--json');
  const ids = argv.filter((a) => a !== '--json');
  const pack = ids.length === 1 ? findPack(ids[0]) : undefined;
  if (!pack) {
    io.err(
      ids.length === 1
        ? `peixun policy show: unknown policy pack ${ids[0]}; known: ${PACKS.map((p) => p.id).join(', ')}`
        : 'usage: peixun policy show ID [--json]',
    );
    return EXIT.usage;
  }
  if (json) {
    io.out(JSON.stringify(packJson(pack), null, 2));
    return EXIT.ok;
  }
  const out: string[] = [
    `${pack.id}: ${pack.title}`,
    `  文号 ${pack.docNumber} · ${pack.issuer} · ${pack.docDate} · region ${pack.region}`,
    `  in force ${window(pack)} — ${pack.validityNote}`,
    `  certificate subsidies: ${pack.certificates ? 'yes' : 'no'}`,
    '',
    'rules',
  ];
  for (const r of pack.rules) {
    out.push(`  ${cell(r.id, 38)}${pack.docNumber} ${r.article}${r.stage === 'workflow' ? '  (workflow)' : ''}`, `      ${r.text}`);
  }
  out.push('', 'parameters');
  for (const par of pack.parameters) {
    out.push(`  ${par.key} — ${par.text} (${par.citation})`);
    for (const t of paramValueText(par)) out.push(`      ${t}`);
  }
  out.push('', 'deadlines and periods');
  for (const d of pack.deadlines) {
    const span = d.min === d.max ? `${Math.abs(d.min)}` : `${Math.abs(d.max)}–${Math.abs(d.min)}`;
    out.push(`  ${cell(d.id, 30)}${d.event}: ${d.sense} ${span} ${d.unit} (${d.anchor})  ${pack.docNumber} ${d.article}`);
  }
  io.out(out.join('\n'));
  return EXIT.ok;
};
