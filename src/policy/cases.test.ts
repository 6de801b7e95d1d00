/**
 * Table-driven cases (cases/*.json): each is decided by the calculator and by `peixun subsidy calc --json`,
 * and both must give the hand-computed expectation (exact fen, ordered rule ids with citations).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subsidyCalc } from '../cli/policy.ts';
import type { CliIO } from '../cli/io.ts';
import { AppError } from '../shared/errors.ts';
import { calculate } from './calculate.ts';
import { parseCase } from './case-file.ts';
import type { Decision } from './policy.ts';

interface Expected {
  totalFen: number;
  persons: { id: string; amountFen: number; eligible: boolean; reasons: string[] }[];
  lines: { rule: string; amountFen: number; citation: string }[];
}
interface CaseFile {
  description: string;
  case: unknown;
  expect?: Expected;
  expectError?: { exit: number; field: string; code: string };
}

const DIR = join(import.meta.dirname, 'cases');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (f: string): CaseFile => JSON.parse(readFileSync(join(DIR, f), 'utf8'));

const summary = (d: Decision): Expected => ({
  totalFen: d.totalFen,
  persons: d.persons.map((p) => ({ id: p.id, amountFen: p.amountFen, eligible: p.eligible, reasons: p.reasons.map((r) => r.rule) })),
  lines: d.lines.map((l) => ({ rule: l.rule, amountFen: l.amountFen, citation: l.citation })),
});

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return { io, out, err };
};

/** The case file's `case` written alone, as `peixun subsidy calc` reads it. */
const caseOnly = async (f: string, body: unknown): Promise<string> => {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'peixun-case-'));
  const path = join(dir, f);
  await writeFile(path, JSON.stringify(body));
  return path;
};

describe('policy case files', () => {
  it('has at least 50 cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  for (const f of files) {
    const cf = load(f);
    describe(`${f}: ${cf.description}`, () => {
      if (cf.expect) {
        const exp = cf.expect;
        it('calculator gives the expected decision', () => {
          const d = calculate(parseCase(cf.case));
          expect(summary(d)).toEqual(exp);
          // The lines are the sum a case officer checks by hand.
          expect(d.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(d.totalFen);
          if (d.policy !== 'wenshui-2023') expect(d.persons.reduce((s, p) => s + p.amountFen, 0)).toBe(d.totalFen);
          for (const l of d.lines) expect(l.text.length).toBeGreaterThan(0);
        });
        it('subsidy calc --json prints the same decision', async () => {
          const { io, out } = capture();
          const code = await subsidyCalc([await caseOnly(f, cf.case), '--json'], io);
          expect(code).toBe(0);
          expect(JSON.parse(out.join(''))).toEqual(JSON.parse(JSON.stringify(calculate(parseCase(cf.case)))));
        });
      } else if (cf.expectError) {
        const exp = cf.expectError;
        it(`calculator refuses with ${exp.code} naming ${exp.field}`, () => {
          let caught: unknown;
          try {
            calculate(parseCase(cf.case));
          } catch (e) {
            caught = e;
          }
          expect(caught).toBeInstanceOf(AppError);
          const e = caught as AppError;
          expect({ code: e.code, field: e.details.field }).toEqual({ code: exp.code, field: exp.field });
          expect(e.message).toContain(exp.field);
        });
        it(`subsidy calc exits ${exp.exit} naming ${exp.field}`, async () => {
          const { io, out, err } = capture();
          const code = await subsidyCalc([await caseOnly(f, cf.case), '--json'], io);
          expect(code).toBe(exp.exit);
          expect(out).toEqual([]);
          const reported = JSON.parse(err.join('')).error;
          expect({ code: reported.code, field: reported.field }).toEqual({ code: exp.code, field: exp.field });
        });
      } else {
        it('declares expect or expectError', () => expect.fail(`${f} has neither expect nor expectError`));
      }
    });
  }
});
