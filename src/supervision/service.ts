import type { AppContext } from '../app/context.ts';
import { authorize, type Actor } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { officersOfCity } from '../auth/store.ts';
import type { Queryable } from '../db/db.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { fire } from '../shared/machine.ts';
import { cohortPool, drawCitation, drawPicks, inspectionMachine, inspectionPolicy, type InspectionKind } from './inspection.ts';
import * as store from './store.ts';

const audit = (tx: Queryable, actor: Actor, at: Date, cityCode: string, action: string, entity: string, entityId: string, after: unknown) =>
  appendAudit(tx, { cityCode, at, actorId: actor.accountId, actor: actor.username, action, entity, entityId, after });

const refuse = (rule: string, citation: string, text: string) => new AppError('guard_failed', text, { reasons: [{ rule, citation, text }] });

/**
 * 双随机: draws `count` cohorts of the caller's place and inspectors of its city for each, from `seed` (chosen by the
 * caller's edge, recorded with both pools). Each pick becomes a planned inspection; one audit entry for the draw.
 */
export async function drawInspections(ctx: AppContext, actor: Actor, input: { kind: InspectionKind; cohorts: number; inspectorsPerCohort: number }, seed: number) {
  authorize(inspectionPolicy, actor, 'draw');
  const citation = drawCitation(actor.cityCode);
  const pool = cohortPool(await store.cohortsOfPlace(ctx.db, actor));
  const inspectors = (await officersOfCity(ctx.db, actor.cityCode, ['inspector'])).map(({ id, name }) => ({ id, name }));
  if (!pool.some((c) => c.in)) throw refuse('inspection.no_cohorts', citation, '本地区没有正在培训或即将开训的培训班可供抽取');
  if (inspectors.length < input.inspectorsPerCohort) throw refuse('inspection.no_inspectors', citation, `本市监督检查人员只有 ${inspectors.length} 名，少于每班 ${input.inspectorsPerCohort} 名`);
  const picks = drawPicks(seed, pool, inspectors, input.cohorts, input.inspectorsPerCohort);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const draw = await store.insertDraw(tx, {
      cityCode: actor.cityCode, seed, kind: input.kind, cohortCount: input.cohorts, inspectorsPerCohort: input.inspectorsPerCohort,
      cohortPool: pool, inspectorPool: inspectors, picks, drawnBy: actor.username,
    }, now);
    for (const p of picks) await store.insertInspection(tx, { cityCode: actor.cityCode, drawId: draw.id, cohortId: p.cohortId, kind: input.kind, inspectorIds: p.inspectorIds });
    await audit(tx, actor, now, actor.cityCode, 'inspection.draw', 'inspection_draw', draw.id, { seed, picks });
    return { ...draw, citation };
  });
}

/** The draw again from its recorded seed and pools: the same picks, or the difference. */
export function replayDraw(draw: store.Draw) {
  const picks = drawPicks(draw.seed, draw.cohortPool, draw.inspectorPool, draw.cohortCount, draw.inspectorsPerCohort);
  return { picks, same: JSON.stringify(picks) === JSON.stringify(draw.picks) };
}

async function step(ctx: AppContext, actor: Actor, id: string, run: (tx: Queryable, i: store.Inspection, now: Date) => Promise<string>) {
  authorize(inspectionPolicy, actor, actor.role === 'institution' ? 'object' : 'list');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const i = await store.getInspectionInScope(tx, actor, id, true);
    if (!i) throw notFound('inspection');
    const action = await run(tx, i, now);
    await audit(tx, actor, now, i.cityCode, action, 'inspection', i.id, await store.getInspectionInScope(tx, actor, id));
  });
  return (await store.getInspectionInScope(ctx.db, actor, id))!;
}

/** 抽查记录 (suihua 附件6) by an inspector the draw picked, on a day of the training that has come. */
export const recordInspection = (ctx: AppContext, actor: Actor, id: string, r: { seenHeadcount: number; teacher: string; findings: string; inspectedOn: string }) =>
  step(ctx, actor, id, async (tx, i, now) => {
    fire(inspectionMachine, i.state, 'record', actor.role);
    const citation = drawCitation(i.cityCode);
    if (!i.inspectorIds.includes(actor.accountId ?? '')) throw refuse('inspection.not_drawn', citation, '只有本次抽中的检查人员才能填写检查记录');
    if (r.inspectedOn < i.cohortStartDate) throw invalid('inspectedOn', `检查日期 ${r.inspectedOn} 早于开训日期 ${i.cohortStartDate}`);
    if (r.inspectedOn > shanghaiDate(now)) throw invalid('inspectedOn', `检查日期 ${r.inspectedOn} 晚于今天`);
    await store.recordInspection(tx, i, r, actor.username);
    return 'inspection.record';
  });

/** 一公开: the result goes on the public page (xinzhou 四(三)4). */
export const publishInspection = (ctx: AppContext, actor: Actor, id: string) =>
  step(ctx, actor, id, async (tx, i, now) => {
    fire(inspectionMachine, i.state, 'publish', actor.role);
    await store.publishInspection(tx, i, now);
    return 'inspection.publish';
  });

/** 异议 (xinzhou 四(三)5): the inspected institution's written objection to a published result, once. */
export const objectToInspection = (ctx: AppContext, actor: Actor, id: string, text: string) =>
  step(ctx, actor, id, async (tx, i, now) => {
    authorize(inspectionPolicy, actor, 'object');
    if (i.state !== 'published') throw new AppError('illegal_transition', '检查结果公开后才能提出异议', { state: i.state, action: 'object' });
    if (i.objection) throw new AppError('conflict', '已就此检查结果提出过异议');
    await store.objectToInspection(tx, i, text, now);
    return 'inspection.object';
  });
