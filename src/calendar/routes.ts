import { SYSTEM_CHAIN } from '../audit/audit.ts';
import { z } from 'zod';
import { isoDate } from '../shared/dates.ts';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { allow, authorize } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { forgetCalendar, loadCalendar } from './store.ts';

/** The calendar is national: written by the system level only, never by a city. */
const calendarPolicy = [allow('system_admin', 'add_year')];

/**
 * The working-day calendar: read by anyone signed in; the system admin adds a year once the State Council publishes
 * its 放假安排 (the bundled data ends with 2026, and uncovered dates are refused, never guessed).
 */
export function calendarRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/calendar', {
    schema: { tags: ['calendar'], summary: 'Holidays and make-up working days of a year, and the years covered', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  }, async (req) => {
    actorOf(req);
    const calendar = await loadCalendar(ctx.db);
    const { rows } = await ctx.db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM calendar_day WHERE extract(year FROM date) = $1 ORDER BY date`, [req.query.year]);
    return { firstYear: calendar.firstYear, lastYear: calendar.lastYear, covered: req.query.year >= calendar.firstYear && req.query.year <= calendar.lastYear, days: rows };
  });

  app.post('/api/v1/calendar/years', {
    schema: {
      tags: ['calendar'], summary: 'Add the next year’s holidays and make-up working days (system admin; a city admin gets 403)',
      body: z.object({
        year: z.number().int().min(2000).max(2100),
        source: z.string().trim().min(2, '请填写来源（国务院办公厅通知文号）'),
        days: z.array(z.object({ date: isoDate(), kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1) })).min(1, '至少一天'),
      }),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(calendarPolicy, actor, 'add_year');
    const { year, days, source } = req.body;
    const calendar = await loadCalendar(ctx.db);
    if (year !== calendar.lastYear + 1) throw invalid('year', `只能续加下一年（现有 ${calendar.firstYear}–${calendar.lastYear}）`);
    days.forEach((d, i) => { if (!d.date.startsWith(`${year}-`)) throw invalid(`days.${i}.date`, `${d.date} 不在 ${year} 年`); });
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query(`SELECT 1 FROM calendar_year WHERE year = $1 FOR UPDATE`, [year]);
      if (rows.length) throw new AppError('conflict', `year: ${year} 年已有数据`, { field: 'year' });
      await tx.query(`INSERT INTO calendar_day (date, kind, name, source) SELECT d::date, k, n, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, k, n)`,
        [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), source]);
      await tx.query(`INSERT INTO calendar_year (year, source) VALUES ($1, $2)`, [year, source]);
      await appendAudit(tx, { cityCode: SYSTEM_CHAIN, at: now, actorId: actor.accountId, actor: actor.username, action: 'calendar.add_year', entity: 'calendar', entityId: String(year), after: { source, days } });
    });
    forgetCalendar(ctx.db);
    return reply.status(201).send({ year, days: days.length });
  });
}
