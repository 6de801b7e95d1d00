import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { allow, authorize, ROLES } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { advanceDemoClock, daysBetween, nextNeededDate, type DemoClock } from './clock.ts';

/** In a demo every account may move the demo's clock: walking a cohort takes several roles. */
const demoPolicy = [allow([...ROLES], 'advance_clock')];

const date = z.iso.date('日期格式应为 YYYY-MM-DD');

export function demoRoutes(app: Api, ctx: AppContext) {
  const clockOr404 = (): DemoClock => {
    if (!ctx.demoClock) throw notFound('demo clock');
    return ctx.demoClock;
  };
  const present = async (clock: DemoClock) => {
    const today = clock.today();
    return { date: today, realToday: clock.realToday(), offsetDays: clock.offsetDays, nextDate: await nextNeededDate(ctx.db, today) };
  };

  app.get('/api/v1/demo/clock', {
    schema: { tags: ['demo'], summary: 'The demo clock (demo stores served with --demo only; 404 otherwise)' },
  }, async () => present(clockOr404()));

  app.post('/api/v1/demo/clock', {
    schema: {
      tags: ['demo'], summary: 'Moves the demo clock forward by days or to a date (demo only; 404 otherwise)',
      body: z.union([z.object({ advanceDays: z.number().int().min(1).max(366) }).strict(), z.object({ date }).strict()]),
    },
  }, async (req) => {
    const clock = clockOr404();
    const actor = actorOf(req);
    authorize(demoPolicy, actor, 'advance_clock');
    const from = clock.today();
    const days = 'advanceDays' in req.body ? req.body.advanceDays : daysBetween(from, req.body.date);
    if ('date' in req.body && days <= 0) throw invalid('date', `演示时钟只能向后拨，应晚于 ${from}`);
    if (days > 366) throw invalid('date', '一次最多拨一年');
    const realNow = new Date();
    await ctx.db.transaction(async (tx) => {
      await advanceDemoClock(tx, clock, days, realNow);
      await appendAudit(tx, { at: clock.now(), actorId: actor.accountId, actor: actor.username, action: 'demo.clock_advance', entity: 'demo_clock', entityId: '1', before: { date: from }, after: { date: clock.today(), days }, cityCode: actor.cityCode });
    }).catch((e) => {
      clock.offsetDays -= days; // the transaction rolled back: so does the clock in memory
      throw e;
    });
    return present(clock);
  });
}
