import { z } from 'zod';
import { isoDate } from '../shared/dates.ts';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { allow, authorize } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import type { Queryable } from '../db/db.ts';
import { cityCodeOf } from '../registry/regions.ts';
import { calculate, packResolver } from './calculate.ts';
import { parseCase } from './case-file.ts';
import { layered, tableResolver } from './parameters.ts';
import { findPack, PACKS, type Pack } from './packs/index.ts';
import { CERTIFICATE_TYPES, PROGRAM_TYPES } from './policy.ts';
import * as store from './store.ts';

/**
 * Parameters are set by the bureau that issued the pack: the city admin of its city, or (文水, a county
 * document) the county admin of that county.
 */
export const policyPermissions = [
  allow<Pack>('city_admin', 'set_parameter', (a, p) => cityCodeOf(p.region) === a.cityCode),
  allow<Pack>('county_admin', 'set_parameter', (a, p) => p.region === a.regionCode),
];

/** The resolver the server uses: the table's values over the pack's stated ones (a case's own still win). */
export async function databaseResolver(db: Queryable, pack: Pack) {
  return layered(tableResolver(await store.listParameters(db, pack.id)), packResolver(pack));
}

/** Computes a §5.2 case exactly as `peixun subsidy calc` does, with the parameter values in force on its asOf. */
export async function calculateCase(db: Queryable, body: unknown) {
  const c = parseCase(body);
  return calculate(c, await databaseResolver(db, findPack(c.policy)!));
}

const packOf = (id: string) => {
  const pack = findPack(id);
  if (!pack) throw notFound(`policy pack ${id}`);
  return pack;
};

const packSummary = (p: Pack) => ({
  id: p.id, title: p.title, docNumber: p.docNumber, issuer: p.issuer, region: p.region, docDate: p.docDate,
  validFrom: p.validFrom, validTo: p.validTo ?? null, validityNote: p.validityNote,
});

const parameterInput = z.object({
  key: z.string().min(1),
  value: z.number().int('应为整数（金额以分计）').nonnegative('不能为负数'),
  from: isoDate(),
  to: isoDate().optional(),
  programType: z.enum(PROGRAM_TYPES).optional(),
  occupation: z.string().trim().min(1).optional(),
  level: z.number().int().min(1).max(5).optional(),
  certificateType: z.enum(CERTIFICATE_TYPES).optional(),
  source: z.string().trim().min(2, '请填写来源文件（文号）').max(200),
});

export function policyRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/policies', { schema: { tags: ['policy'], summary: 'The policy packs (one per seed document); the caller’s own city’s first, marked `own`' } }, async (req) => {
    const actor = actorOf(req);
    // a city's users work under their own document (吕梁's under 文水's, a county document of the city)
    const own = (p: Pack) => cityCodeOf(p.region) === actor.cityCode;
    return { items: [...PACKS.filter(own), ...PACKS.filter((p) => !own(p))].map((p) => ({ ...packSummary(p), own: own(p) })) };
  });

  app.get('/api/v1/policies/:id', {
    schema: { tags: ['policy'], summary: 'One pack: rules, deadlines, parameters with stated and bureau-set values', params: z.object({ id: z.string() }) },
  }, async (req) => {
    const actor = actorOf(req);
    const pack = packOf(req.params.id);
    const stored = await store.listParameters(ctx.db, pack.id);
    return {
      ...packSummary(pack),
      rules: pack.rules,
      deadlines: pack.deadlines,
      mayEdit: policyPermissions.some((p) => p.roles.includes(actor.role) && p.when!(actor, pack)),
      parameters: pack.parameters.map((d) => ({ ...d, stored: stored.filter((s) => s.key === d.key) })),
    };
  });

  app.post('/api/v1/policies/:id/parameters', {
    schema: { tags: ['policy'], summary: 'Set a parameter value with its effective dates and source document', params: z.object({ id: z.string() }), body: parameterInput },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const pack = packOf(req.params.id);
    authorize(policyPermissions, actor, 'set_parameter', pack);
    const body = req.body;
    if (!pack.parameters.some((d) => d.key === body.key)) {
      throw invalid('key', `${pack.id} 没有参数 ${body.key}（可选：${pack.parameters.map((d) => d.key).join('、')}）`);
    }
    if (body.to && body.to < body.from) throw invalid('to', '结束日期早于开始日期');
    const now = ctx.now();
    const saved = await ctx.db.transaction(async (tx) => {
      const p = await store.insertParameter(tx, { ...body, pack: pack.id, setBy: actor.username }, now);
      await appendAudit(tx, { cityCode: actor.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'policy_parameter.set', entity: 'policy_parameter', entityId: p.id, after: p });
      return p;
    });
    return reply.status(201).send(saved);
  });

  app.post('/api/v1/policies/:id/parameters/:parameterId/end', {
    schema: {
      tags: ['policy'], summary: 'End a parameter value’s effect on a date (values are never deleted)',
      params: z.object({ id: z.string(), parameterId: z.uuid() }), body: z.object({ to: isoDate() }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    const pack = packOf(req.params.id);
    authorize(policyPermissions, actor, 'set_parameter', pack);
    const before = await store.getParameter(ctx.db, req.params.parameterId);
    if (!before || before.pack !== pack.id) throw notFound('parameter');
    if (req.body.to < before.from) throw invalid('to', `结束日期早于生效日期 ${before.from}`);
    const now = ctx.now();
    return ctx.db.transaction(async (tx) => {
      const after = await store.endParameter(tx, before.id, req.body.to);
      await appendAudit(tx, { cityCode: actor.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'policy_parameter.end', entity: 'policy_parameter', entityId: before.id, before, after });
      return after;
    });
  });

  app.post('/api/v1/subsidy/calc', {
    schema: { tags: ['policy'], summary: 'Compute a SPEC §5.2 case file; the same JSON as `peixun subsidy calc --json`' },
  }, async (req) => {
    actorOf(req);
    if (req.body === undefined || req.body === null) throw new AppError('validation', 'body: 请提交案例 JSON', { field: 'body' });
    return calculateCase(ctx.db, req.body);
  });
}
