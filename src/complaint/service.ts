import type { AppContext } from '../app/context.ts';
import { authorize, can, SYSTEM_ACTOR, type Actor } from '../auth/auth.ts';
import { requireInScope } from '../auth/references.ts';
import { officerOfCity } from '../auth/store.ts';
import { appendAudit } from '../audit/store.ts';
import { cityCodeOf, regionByCode } from '../registry/regions.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { fire } from '../shared/machine.ts';
import { complaintMachine, complaintPolicy, HANDLER_ROLES, presentComplaint, trackingCodeFrom, type Complaint, type PublicComplaintInput } from './complaint.ts';
import * as store from './store.ts';

const audit = (ctx: AppContext, tx: Parameters<typeof appendAudit>[0], actor: Actor, c: { id: string; cityCode: string }, action: string, after: unknown) =>
  appendAudit(tx, { cityCode: c.cityCode, at: ctx.now(), actorId: actor.accountId, actor: actor.username, action, entity: 'complaint', entityId: c.id, after });

/**
 * Files a public complaint about a place (and, if named, an institution of that place's city). The complainant's
 * name and phone go to their own table and never into the audit entry. `random` gives the tracking code's bytes.
 */
export async function fileComplaint(ctx: AppContext, input: PublicComplaintInput, random: Uint8Array) {
  const region = regionByCode(input.regionCode);
  const cityCode = region && region.level !== 'province' ? cityCodeOf(input.regionCode) : undefined;
  if (!cityCode) throw invalid('regionCode', `未知的市或县(市、区)代码 ${input.regionCode}`);
  if (input.institutionId) await requireInScope(ctx.db, 'institution', input.institutionId, 'institutionId', cityCode);
  const trackingCode = trackingCodeFrom(random);
  return ctx.db.transaction(async (tx) => {
    const id = await store.insertComplaint(tx, {
      cityCode, regionCode: input.regionCode, trackingCode, institutionId: input.institutionId ?? null, category: input.category,
      content: input.content, name: input.name ?? null, phone: input.phone ?? null,
    }, ctx.now());
    await audit(ctx, tx, { ...SYSTEM_ACTOR, username: 'public' }, { id, cityCode }, 'complaint.file',
      { category: input.category, institutionId: input.institutionId ?? null, anonymous: !input.name && !input.phone });
    return { trackingCode };
  });
}

/** An officer's view; the assignee also sees the complainant, and that view is audited (保密). */
export async function viewComplaint(ctx: AppContext, actor: Actor, id: string) {
  authorize(complaintPolicy, actor, 'list');
  const c = await store.getComplaintInScope(ctx.db, actor, id);
  if (!c) throw notFound('complaint');
  return presentComplaint(c, actor, await identityFor(ctx, actor, c));
}

async function identityFor(ctx: AppContext, actor: Actor, c: Complaint) {
  if (c.anonymous || !can(complaintPolicy, actor, 'see_identity', c)) return null;
  const identity = await store.complainantOf(ctx.db, c);
  await ctx.db.transaction((tx) => audit(ctx, tx, actor, c, 'complaint.identity_view', { field: 'complainant' }));
  return identity;
}

export interface ComplaintTransition { action: string; assigneeId?: string; dueOn?: string; outcome?: string }

/** 分派 (assign, with the officer and a due date not in the past) and 办结 (answer, by the assignee, with the outcome). */
export async function transitionComplaint(ctx: AppContext, actor: Actor, id: string, body: ComplaintTransition) {
  authorize(complaintPolicy, actor, 'list');
  const now = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const c = await store.getComplaintInScope(tx, actor, id, true);
    if (!c) throw notFound('complaint');
    const t = fire(complaintMachine, c.state, body.action, actor.role);
    if (t.action === 'assign') {
      if (!body.assigneeId) throw invalid('assigneeId', '请选择承办人');
      const assignee = await officerOfCity(tx, body.assigneeId, c.cityCode, HANDLER_ROLES);
      if (!assignee) throw new AppError('not_found', 'assigneeId: 找不到此承办人，或不是本市人社部门的工作人员', { field: 'assigneeId' });
      if (!body.dueOn) throw invalid('dueOn', '请填写办理期限');
      if (body.dueOn < shanghaiDate(now)) throw invalid('dueOn', `办理期限 ${body.dueOn} 早于今天`);
      await store.updateComplaint(tx, c, { state: t.to, assigneeId: assignee, dueOn: body.dueOn }, now);
      await audit(ctx, tx, actor, c, 'complaint.assign', { assigneeId: assignee, dueOn: body.dueOn });
    } else {
      if (c.assigneeId !== actor.accountId) throw new AppError('forbidden', '只有承办人可以办结此投诉举报', { action: t.action, role: actor.role });
      if (!body.outcome) throw invalid('outcome', '请写明办理结果');
      await store.updateComplaint(tx, c, { state: t.to, outcome: body.outcome }, now);
      await audit(ctx, tx, actor, c, 'complaint.answer', { outcome: body.outcome });
    }
    return (await store.getComplaintInScope(tx, actor, id))!;
  });
  return presentComplaint(updated, actor, await identityFor(ctx, actor, updated));
}
