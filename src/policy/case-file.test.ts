/**
 * The case file's size limits, level null and the words of its refusals (SPEC §5.2 extended). The table-driven
 * cases cover the same contract per pack; here the inputs that are too big to keep as files.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { LIMITS, parseCase } from './case-file.ts';

const trainee = (id: string) => ({ id, passed: true, employed: true, attendanceRate: 0.9, groups: ['rural_migrant'], history: [] });
const training = (over: Record<string, unknown> = {}, cohort: Record<string, unknown> = {}) => ({
  policy: 'xinzhou-2024',
  kind: 'training',
  asOf: '2024-06-01',
  parameters: {},
  cohort: { programType: 'order', occupation: '4-03-02-01', level: 5, startDate: '2024-05-06', days: 10, lessons: 80, approvedHeadcount: 30, verifiedHeadcount: 30, ...cohort },
  trainees: [trainee('T01')],
  ...over,
});
const certificate = (cert: Record<string, unknown>) => ({
  policy: 'yangquan-2024',
  kind: 'certificate',
  asOf: '2025-03-01',
  people: [{ id: 'P1', certificate: { occupation: '电工作业', date: '2025-02-10', ...cert } }],
});

const refusal = (input: unknown) => {
  try {
    parseCase(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    return { code: err.code, field: err.details.field, message: err.message };
  }
  return expect.fail('the case was accepted');
};

describe('case file limits', () => {
  it('refuses a 5 MB occupation string naming the field and the limit', () => {
    expect(refusal(training({}, { occupation: 'x'.repeat(5 * 1024 * 1024) }))).toEqual({
      code: 'validation',
      field: 'cohort.occupation',
      message: `cohort.occupation: must be at most ${LIMITS.text} characters`,
    });
  });

  it('refuses an id over 64 characters but takes one of 64', () => {
    expect(refusal(training({ trainees: [trainee('T'.repeat(65))] }))).toMatchObject({ field: 'trainees.0.id' });
    const ok = parseCase(training({ trainees: [trainee('T'.repeat(64))] }));
    expect(ok.kind === 'training' && ok.trainees[0].id).toBe('T'.repeat(64));
  });

  it('refuses more than 10,000 trainees naming the list', () => {
    const many = Array.from({ length: LIMITS.persons + 1 }, (_, i) => trainee(`T${i}`));
    expect(refusal(training({ trainees: many }))).toMatchObject({ code: 'validation', field: 'trainees', message: 'trainees: must have at most 10000 entries' });
  });

  it('refuses more than 100 history entries naming the trainee', () => {
    const history = Array.from({ length: LIMITS.history + 1 }, () => ({ date: '2020-01-01', kind: 'training', occupation: 'x', level: 5 }));
    expect(refusal(training({ trainees: [{ ...trainee('T01'), history }] }))).toMatchObject({ field: 'trainees.0.history' });
  });

  it('refuses more than 100 parameter keys', () => {
    const parameters = Object.fromEntries(Array.from({ length: LIMITS.parameters + 1 }, (_, i) => [`k${i}`, 1]));
    expect(refusal(training({ parameters }))).toMatchObject({ field: 'parameters', message: 'parameters: must have at most 100 keys' });
  });
});

describe('case file amounts', () => {
  it('says a fractional fen amount must be a whole number of fen', () => {
    expect(refusal(training({ parameters: { livingAllowanceDailyFen: 12000.5 } }))).toEqual({
      code: 'validation',
      field: 'parameters.livingAllowanceDailyFen',
      message: 'parameters.livingAllowanceDailyFen: must be a whole number of fen (分; 1 元 = 100 分, e.g. 12000 for 120 元); got 12000.5',
    });
  });

  it('names the value of a scoped list and the unit of a percent', () => {
    expect(refusal(training({ parameters: { livingAllowanceDailyFen: [{ value: 1 }, { value: 0.5 }] } })).field).toBe(
      'parameters.livingAllowanceDailyFen.1.value',
    );
    expect(refusal(training({ parameters: { employmentRateMinPercent: 79.5 } })).message).toContain('whole number of percent');
    expect(refusal(training({ parameters: { livingAllowanceDailyFen: -1 } })).message).toContain('must not be negative');
  });
});

describe('case file levels', () => {
  it('takes "level": null on a special certificate, a cohort and a history entry as no level', () => {
    const c = parseCase(certificate({ type: 'special_operation', level: null }));
    expect(c.kind === 'certificate' && c.people[0].certificate.level).toBeUndefined();
    const t = parseCase(
      training({ trainees: [{ ...trainee('T01'), history: [{ date: '2020-01-01', kind: 'certificate', occupation: '电工作业', level: null, certificateType: 'special_operation' }] }] }, { level: null }),
    );
    expect(t.kind === 'training' && [t.cohort.level, t.trainees[0].history[0].level]).toEqual([undefined, undefined]);
  });

  it('still needs a level on a skill_level certificate, null or absent', () => {
    expect(refusal(certificate({ type: 'skill_level', level: null }))).toMatchObject({ field: 'people.0.certificate.level' });
    expect(refusal(certificate({ type: 'skill_level' }))).toMatchObject({ field: 'people.0.certificate.level' });
  });
});
