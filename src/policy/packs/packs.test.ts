import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { assertInForce } from '../calculate.ts';
import { PACKS, getPack } from './index.ts';

const casesDir = join(import.meta.dirname, '..', 'cases');
const caseTexts = readdirSync(casesDir).map((f) => readFileSync(join(casesDir, f), 'utf8'));

describe('policy packs', () => {
  it('has one pack per seed document', () => {
    expect(PACKS.map((p) => p.id)).toEqual(['yangquan-2024', 'xinzhou-2024', 'wenshui-2023', 'heze-2024', 'suihua-2019']);
    expect(PACKS.map((p) => p.docNumber)).toEqual([
      '阳人社规发〔2024〕2号',
      '忻人社函〔2024〕29号',
      '文人社字〔2023〕51号',
      '《菏泽市职业技能培训管理办法（试行）》（2024年9月30日）',
      '绥就办发〔2019〕1号',
    ]);
  });

  for (const p of PACKS) {
    describe(p.id, () => {
      it('rule ids are unique and carry the pack prefix', () => {
        const ids = p.rules.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const prefix = p.id.split('-')[0];
        for (const id of ids) expect(id.startsWith(`${prefix}.`)).toBe(true);
      });
      it('every calculation rule is exercised by a case file', () => {
        const missing = p.rules.filter((r) => r.stage !== 'workflow' && !caseTexts.some((t) => t.includes(`"${r.id}"`)));
        expect(missing.map((r) => r.id)).toEqual([]);
      });
      it('parameters cite the pack and stated values lie in its window', () => {
        for (const d of p.parameters) {
          expect(d.citation.startsWith(p.docNumber)).toBe(true);
          if (d.values.length === 0) expect(d.refersTo).toBeTruthy();
          for (const v of d.values) {
            expect(v.from >= p.validFrom).toBe(true);
            if (p.validTo) expect(v.to).toBe(p.validTo);
          }
        }
      });
      it('refuses a date before the document', () => {
        const day = new Date(Date.parse(`${p.validFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(() => assertInForce(getPack(p.id), day)).toThrow(AppError);
        expect(() => assertInForce(getPack(p.id), p.validFrom)).not.toThrow();
      });
    });
  }

  it('yangquan: two years from 2024-10-16, the last day 2026-10-15', () => {
    const p = getPack('yangquan-2024');
    expect(() => assertInForce(p, '2026-10-15')).not.toThrow();
    try {
      assertInForce(p, '2026-10-16');
      expect.fail('in force after two years');
    } catch (e) {
      expect((e as AppError).code).toBe('out_of_force');
      expect((e as AppError).message).toContain('2024-10-16 to 2026-10-15');
    }
  });
});
