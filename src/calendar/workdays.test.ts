import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { chineseDaysCalendar, chineseDaysData } from './chinese-days.ts';
import { makeCalendar } from './workdays.ts';

const cal = chineseDaysCalendar();

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('working days on the official calendar (chinese-days data)', () => {
  it('covers the published years', () => {
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBeGreaterThanOrEqual(2026);
  });

  it('knows the 2024 National Day holidays and the make-up Saturday', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2024-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2024-10-12')).toBe(true); // Saturday, 调休 workday
    expect(cal.isWorkingDay('2024-09-29')).toBe(true); // Sunday, 调休 workday
    expect(cal.isWorkingDay('2024-10-13')).toBe(false); // ordinary Sunday
    expect(cal.isWorkingDay('2024-10-08')).toBe(true);
    expect(cal.dayOf('2024-10-12')).toEqual({ date: '2024-10-12', kind: 'workday', name: '国庆节' });
  });

  it('counts "N working days before start" across holidays and make-up days', () => {
    // 3 working days before Tue 2024-10-08: Mon 09-30, Sun 09-29 (make-up), Fri 09-27.
    expect(cal.addWorkingDays('2024-10-08', -3)).toBe('2024-09-27');
    // 5 working days before Mon 2024-10-14: Sat 10-12 (make-up), Fri 11, Thu 10, Wed 9, Tue 8.
    expect(cal.addWorkingDays('2024-10-14', -5)).toBe('2024-10-08');
    expect(cal.addWorkingDays('2024-09-30', 1)).toBe('2024-10-08');
    expect(cal.addWorkingDays('2024-09-30', 0)).toBe('2024-09-30');
    // Spring Festival 2025: 01-28 … 02-04 off, Sun 01-26 and Sat 02-08 worked.
    expect(cal.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
  });

  it('counts working days between two dates (start excluded, end included)', () => {
    expect(cal.workingDaysBetween('2024-09-30', '2024-10-12')).toBe(5); // Oct 8–11 and the make-up 12th
    expect(cal.workingDaysBetween('2024-10-12', '2024-09-30')).toBe(-5);
    expect(cal.workingDaysBetween('2024-10-14', '2024-10-14')).toBe(0);
  });

  it('refuses dates past the covered years instead of calling them workdays', () => {
    const e = refusal(() => cal.isWorkingDay(`${cal.lastYear + 1}-03-02`, 'cohort.startDate'));
    expect(e.code).toBe('validation');
    expect(e.details.field).toBe('cohort.startDate');
    expect(e.message).toContain(`${cal.lastYear + 1}-03-02`);
    expect(refusal(() => cal.isWorkingDay('2003-06-02')).code).toBe('validation');
    expect(refusal(() => cal.addWorkingDays(`${cal.lastYear}-12-30`, 10)).message).toContain('leave the working-day calendar');
    expect(refusal(() => cal.isWorkingDay('2024-02-30')).message).toContain('not a date');
  });

  it('exports rows for a table admins can extend', () => {
    const data = chineseDaysData();
    expect(data.days).toContainEqual({ date: '2024-10-01', kind: 'holiday', name: '国庆节' });
    expect(data.days).toContainEqual({ date: '2024-10-12', kind: 'workday', name: '国庆节' });
    expect(data.days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date))).toBe(true);
  });
});

describe('an injected calendar (pure)', () => {
  // A made-up year 2030: 1–3 Oct off, Sat 5 Oct worked.
  const c = makeCalendar(
    [
      { date: '2030-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2030-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2030-10-03', kind: 'holiday', name: '国庆节' },
      { date: '2030-10-05', kind: 'workday', name: '国庆节' },
    ],
    { first: 2030, last: 2030 },
  );
  it('uses only the data given', () => {
    expect(c.isWorkingDay('2030-10-01')).toBe(false);
    expect(c.isWorkingDay('2030-10-04')).toBe(true);
    expect(c.isWorkingDay('2030-10-05')).toBe(true);
    expect(c.isWorkingDay('2030-10-06')).toBe(false);
    expect(c.addWorkingDays('2030-10-07', -3)).toBe('2030-09-30');
    expect(c.isCovered('2031-01-01')).toBe(false);
  });
});
