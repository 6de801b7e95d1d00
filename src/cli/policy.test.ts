import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from './io.ts';
import { policyList, policyShow, subsidyCalc } from './policy.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
};

const tmpFile = async (name: string, content: string) => {
  const dir = await mkdtemp(join(tmpdir(), 'peixun-cli-'));
  const p = join(dir, name);
  await writeFile(p, content);
  return p;
};

const specExample = {
  policy: 'yangquan-2024',
  kind: 'training',
  asOf: '2024-12-01',
  parameters: { dailyStandardFen: 12000 },
  cohort: { programType: 'order', occupation: '4-03-02-01', level: 5, startDate: '2024-11-01', days: 15, lessons: 120, approvedHeadcount: 30, verifiedHeadcount: 30, missingRecordingHalfDays: 0 },
  trainees: [{ id: 'T01', passed: true, employed: true, attendanceRate: 0.95, groups: ['rural_migrant'], skillUpgradeSubsidy: false, history: [{ date: '2024-03-01', kind: 'training', occupation: '4-03-02-01', level: 5 }] }],
};

describe('peixun subsidy calc', () => {
  it('prints persons, cited lines and the total in yuan', async () => {
    const c = capture();
    expect(await subsidyCalc([await tmpFile('case.json', JSON.stringify(specExample))], c.io)).toBe(0);
    const t = c.text();
    expect(t).toContain('阳人社规发〔2024〕2号 第六条');
    expect(t).toContain('yangquan.order_ladder');
    expect(t).toContain('T01');
    expect(t).toContain('合计 total: 2000.00 元 (200000 fen)');
  });

  it('prints the §5.2 JSON with --json', async () => {
    const c = capture();
    expect(await subsidyCalc([await tmpFile('case.json', JSON.stringify(specExample)), '--json'], c.io)).toBe(0);
    const d = JSON.parse(c.text());
    expect(Object.keys(d)).toEqual(['policy', 'totalFen', 'persons', 'lines']);
    expect(d.totalFen).toBe(200000);
    expect(Object.keys(d.lines[0])).toEqual(['rule', 'amountFen', 'citation', 'text']);
    expect(Object.keys(d.persons[0])).toEqual(['id', 'amountFen', 'eligible', 'reasons']);
  });

  it('exits 2 naming the file when it cannot be read or parsed', async () => {
    const missing = capture();
    expect(await subsidyCalc(['/nonexistent/case.json'], missing.io)).toBe(2);
    expect(missing.errors()).toContain('/nonexistent/case.json');
    const bad = capture();
    const p = await tmpFile('bad.json', '{"policy": ');
    expect(await subsidyCalc([p], bad.io)).toBe(2);
    expect(bad.errors()).toContain('not valid JSON');
  });

  it('exits 2 naming the field or the parameter', async () => {
    const c = capture();
    const p = await tmpFile('c.json', JSON.stringify({ ...specExample, cohort: { ...specExample.cohort, days: -1 } }));
    expect(await subsidyCalc([p], c.io)).toBe(2);
    expect(c.errors()).toContain('cohort.days');
    const u = capture();
    const q = await tmpFile('u.json', JSON.stringify({ ...specExample, cohort: { ...specExample.cohort, programType: 'entrepreneurship' } }));
    expect(await subsidyCalc([q], u.io)).toBe(2);
    expect(u.errors()).toContain('entrepreneurshipPerPersonFen');
  });

  it('exits 2 on bad usage', async () => {
    const c = capture();
    expect(await subsidyCalc([], c.io)).toBe(2);
    expect(c.errors()).toContain('usage');
  });
});

describe('peixun policy list / show', () => {
  it('lists every pack with its parameters, dates and sources', async () => {
    const c = capture();
    expect(await policyList([], c.io)).toBe(0);
    const t = c.text();
    for (const id of ['yangquan-2024', 'xinzhou-2024', 'wenshui-2023', 'heze-2024', 'suihua-2019']) expect(t).toContain(id);
    expect(t).toMatch(/orderFirstDailyFen\s+150\.00 元 \(15000 fen\), 2024-10-16 … 2026-10-15/);
    expect(t).toMatch(/standardPerPersonFen\s+未设定 unset — 依据 绥财联发〔2018〕49号/);
  });

  it('lists as JSON', async () => {
    const c = capture();
    expect(await policyList(['--json'], c.io)).toBe(0);
    const packs = JSON.parse(c.text());
    expect(packs).toHaveLength(5);
    expect(packs[0].rules[0].citation).toMatch(/^阳人社规发〔2024〕2号 /);
  });

  it('shows one pack with rules and citations', async () => {
    const c = capture();
    expect(await policyShow(['suihua-2019'], c.io)).toBe(0);
    const t = c.text();
    expect(t).toContain('绥就办发〔2019〕1号 第十二条');
    expect(t).toContain('suihua.attendance_entrepreneurship');
    expect(t).toContain('第十条（培训的组织管理）');
    expect(t).toContain('suihua.opening');
  });

  it('refuses an unknown pack with exit 2', async () => {
    const c = capture();
    expect(await policyShow(['taiyuan-2024'], c.io)).toBe(2);
    expect(c.errors()).toContain('taiyuan-2024');
    expect(await policyShow([], capture().io)).toBe(2);
  });
});
