import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar } from '../calendar/chinese-days.ts';
import { deadlineDates, deadlinesFor } from './deadlines.ts';
import { getPack } from './packs/index.ts';

const cal = chineseDaysCalendar();

describe('pack deadlines on the working-day calendar', () => {
  it('heze: open no later than 3 working days before start (第十一条)', () => {
    const [d] = deadlinesFor(getPack('heze-2024'), 'cohort_start');
    expect(d.article).toBe('第十一条');
    expect(deadlineDates(d, '2024-10-08', cal).to).toBe('2024-09-27');
  });

  it('suihua: 5 working days before start; claim within 10 working days after the exam', () => {
    const p = getPack('suihua-2019');
    const [open] = deadlinesFor(p, 'cohort_start');
    expect(deadlineDates(open, '2024-10-14', cal).to).toBe('2024-10-08');
    const [claim] = deadlinesFor(p, 'exam');
    // 09-29 (make-up Sunday), 09-30, then 10-08 … 10-12 (make-up Saturday), 10-14 … 10-16.
    expect(deadlineDates(claim, '2024-09-27', cal).to).toBe('2024-10-16');
    const [pay] = deadlinesFor(p, 'disclosure_end');
    expect(deadlineDates(pay, '2024-09-27', cal)).toEqual({ from: '2024-10-23', to: '2024-11-13' });
  });

  it('xinzhou: 3–5 calendar days before start (二(二)(2))', () => {
    const [d] = deadlinesFor(getPack('xinzhou-2024'), 'cohort_start');
    expect(deadlineDates(d, '2024-05-06', cal)).toEqual({ from: '2024-05-01', to: '2024-05-03' });
  });

  it('wenshui: a week before, order-based classes 15 days before (三(三))', () => {
    const p = getPack('wenshui-2023');
    const [general] = deadlinesFor(p, 'cohort_start', 'employment_skills');
    expect(deadlineDates(general, '2024-01-15', cal).to).toBe('2024-01-08');
    const order = deadlinesFor(p, 'cohort_start', 'order');
    expect(order.map((d) => d.id)).toEqual(['wenshui.opening_order']);
    expect(deadlineDates(order[0], '2024-01-15', cal).to).toBe('2023-12-31');
  });

  it('retention periods in years (wenshui 10, heze 5), 29 February safe', () => {
    const [archives] = deadlinesFor(getPack('wenshui-2023'), 'cohort_end');
    expect(archives.unit).toBe('year');
    expect(deadlineDates(archives, '2024-02-29', cal).to).toBe('2034-02-28');
  });
});
