import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { authorize, allow, type Actor } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { actionsFrom, fire } from '../shared/machine.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { getPersonInScope } from '../person/store.ts';
import { getCohortInScope } from '../cohort/store.ts';
import { occupationsByCode } from '../registry/store.ts';
import { VOUCHER_STATES, voucherMachine } from './voucher.ts';
import { COHORT_STATE_LABELS, type CohortState } from '../cohort/cohort.ts';
import type { Queryable } from '../db/db.ts';
import { packForCohort, packForRegion, voucherRule } from '../cohort/pack.ts';
import * as store from './store.ts';

const voucherPolicy = [
  allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'trainee'], 'list'),
  allow(['institution', 'county_admin', 'city_admin'], 'apply'),
  allow<{ personId: string }>('trainee', 'apply', (a, r) => a.personId === r.personId),
];

const present = (v: store.Voucher, actor: Actor) => ({ ...v, actions: actionsFrom(voucherMachine, v.state, actor.role) });

/** Applies for a voucher for a person in the caller's scope (a trainee for themself). */
async function applyVoucher(ctx: AppContext, actor: Actor, personId: string, occupationCode: string | null) {
  authorize(voucherPolicy, actor, 'apply', { personId });
  const person = await getPersonInScope(ctx.db, actor, personId);
  if (!person) throw new AppError('not_found', 'personId: 找不到此人，或不在本账号范围内', { field: 'personId' });
  if (occupationCode && !(await occupationsByCode(ctx.db, [occupationCode])).size) {
    throw new AppError('not_found', 'occupationCode: 职业目录中没有此职业（工种）', { field: 'occupationCode' });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const id = await store.insertVoucher(tx, { cityCode: person.cityCode, personId, occupationCode }, now);
    const v = await store.lockVoucher(tx, person.cityCode, id);
    await appendAudit(tx, { cityCode: person.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'voucher.apply', entity: 'voucher', entityId: id, after: v });
    return v;
  });
}

/** States in which a cohort's training is over and examined: only then can its vouchers be redeemed (兑现). */
const REDEEMABLE_COHORT_STATES = ['examined', 'claimed', 'closed'];

/** 兑现 comes after training, exams and payment (SPEC §3.2): never for a cohort that was rejected or has not finished. */
async function requireRedeemable(tx: Queryable, v: store.Voucher) {
  const { rows } = await tx.query(`SELECT state FROM cohort WHERE city_code = $1 AND id = $2`, [v.cityCode, v.cohortId]);
  const state = rows[0]?.state as CohortState | undefined;
  if (!state || !REDEEMABLE_COHORT_STATES.includes(state)) {
    throw new AppError('conflict', `电子券须在培训结束、考核并拨付补贴后兑现；所绑定培训班当前为“${state ? COHORT_STATE_LABELS[state] : '未知'}”`, { field: 'action', cohortState: state ?? null });
  }
}

/** One step of the closed loop, in one transaction with its audit entry. `bind` ties it to the person's enrolment. */
export async function transitionVoucher(ctx: AppContext, actor: Actor, id: string, action: string, opts: { cohortId?: string; reason?: string }) {
  const visible = await store.getVoucherInScope(ctx.db, actor, id);
  if (!visible) throw notFound('voucher');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const v = await store.lockVoucher(tx, visible.cityCode, id);
    const t = fire(voucherMachine, v.state, action, actor.role);
    let cohortId: string | undefined;
    if (t.action === 'bind') {
      if (!opts.cohortId) throw invalid('cohortId', '绑定电子券须指定培训班');
      const cohort = await getCohortInScope(tx, actor, opts.cohortId);
      if (!cohort) throw new AppError('not_found', 'cohortId: 找不到此培训班，或不属于本机构', { field: 'cohortId' });
      const { rows } = await tx.query(`SELECT 1 FROM enrolment WHERE city_code = $1 AND cohort_id = $2 AND person_id = $3`, [cohort.cityCode, cohort.id, v.personId]);
      if (!rows.length) {
        // The closed loop is the cohort's pack's rule where it has one (yangquan 第十一条); elsewhere a plain conflict.
        const rule = voucherRule(packForCohort(cohort));
        const text = `${v.personName} 不在该班花名册中：电子券只能绑定到本人的报名`;
        if (!rule) throw new AppError('conflict', text, { field: 'cohortId' });
        throw new AppError('guard_failed', text, { reasons: [{ rule: 'voucher.enrolled', citation: rule.citation, text: '电子券只能绑定到本人的报名' }] });
      }
      const other = await tx.query(`SELECT number FROM voucher WHERE city_code = $1 AND cohort_id = $2 AND person_id = $3 AND state <> 'cancelled'`, [cohort.cityCode, cohort.id, v.personId]);
      if (other.rows.length) throw new AppError('conflict', `此人在该班已绑定电子券 ${other.rows[0].number}，一次培训只能绑定一张`, { field: 'cohortId' });
      cohortId = cohort.id;
      await tx.query(`UPDATE enrolment SET voucher_id = $4 WHERE city_code = $1 AND cohort_id = $2 AND person_id = $3`, [cohort.cityCode, cohort.id, v.personId, v.id]);
    }
    if (t.action === 'redeem') await requireRedeemable(tx, v);
    await store.setVoucherState(tx, v, t.to, now, { cohortId, reason: t.action === 'cancel' ? opts.reason ?? null : null });
    const after = await store.lockVoucher(tx, v.cityCode, id);
    await appendAudit(tx, { cityCode: v.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: `voucher.${action}`, entity: 'voucher', entityId: id, before: { state: v.state }, after: { state: after.state, cohortId: after.cohortId, reason: opts.reason } });
    return after;
  });
}

export function voucherRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/vouchers', {
    schema: { tags: ['vouchers'], summary: 'E-vouchers in the caller’s scope (a trainee: their own)', querystring: z.object({ personId: z.uuid().optional(), state: z.enum(VOUCHER_STATES).optional(), ...pageQuery }) },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(voucherPolicy, actor, 'list');
    const { items, total } = await store.listVouchers(ctx.db, actor, req.query);
    const pack = packForRegion(actor.cityCode, actor.regionCode);
    return { ...pageOf(items.map((v) => present(v, actor)), total, req.query.page, req.query.pageSize), noVoucherCitation: (pack && voucherRule(pack)?.citation) ?? null };
  });

  app.post('/api/v1/vouchers', {
    schema: { tags: ['vouchers'], summary: 'Apply for an e-voucher (申请)', body: z.object({ personId: z.uuid(), occupationCode: z.string().min(1).max(20).nullish() }) },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(present(await applyVoucher(ctx, actor, req.body.personId, req.body.occupationCode ?? null), actor));
  });

  app.post('/api/v1/vouchers/:id/transitions', {
    schema: {
      tags: ['vouchers'], summary: 'Fire a voucher action: issue, bind (with cohortId), redeem, write_off, cancel',
      params: z.object({ id: z.uuid() }), body: z.object({ action: z.string().min(1), cohortId: z.uuid().optional(), reason: z.string().trim().max(500).optional() }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    return present(await transitionVoucher(ctx, actor, req.params.id, req.body.action, req.body), actor);
  });
}
