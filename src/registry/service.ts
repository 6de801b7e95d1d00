import type { AppContext } from '../app/context.ts';
import { authorize, type Actor } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { fire } from '../shared/machine.ts';
import { maskIdNumber, validateIdNumber } from '../person/id-number.ts';
import { cityCodeOf, regionByCode } from './regions.ts';
import { institutionMachine, institutionPolicy, seesTeacherIds, type InstitutionInput } from './institution.ts';
import * as store from './store.ts';

/** Checks what zod cannot: region in the city's scope, real occupations and levels, valid teacher ID numbers. */
async function checkInstitutionInput(ctx: AppContext, actor: Actor, input: InstitutionInput, existingId: string | null) {
  const region = regionByCode(input.regionCode);
  if (!region || region.level === 'province') throw invalid('regionCode', `未知的县(市、区)代码 ${input.regionCode}`);
  if (cityCodeOf(input.regionCode) !== actor.cityCode) throw invalid('regionCode', `地区 ${input.regionCode} 不在本市范围内`);
  if (input.contractStart && input.contractEnd && input.contractEnd < input.contractStart) {
    throw invalid('contractEnd', '合同结束日期早于开始日期');
  }
  const known = await store.occupationsByCode(ctx.db, input.occupations.map((o) => o.occupationCode));
  input.occupations.forEach((o, i) => {
    const occ = known.get(o.occupationCode);
    if (!occ) throw invalid(`occupations.${i}.occupationCode`, `职业目录中没有 ${o.occupationCode}`);
    const levels = occ.levels.length ? occ.levels : [0];
    if (!levels.includes(o.level)) throw invalid(`occupations.${i}.level`, `${occ.name} 没有 ${o.level} 级（可选：${levels.join('、')}）`);
  });
  const today = shanghaiDate(ctx.now());
  input = { ...input, teachers: await wholeTeacherIds(ctx, existingId, input.teachers) };
  input.teachers.forEach((t, i) => validateIdNumber(t.idNumber, { asOf: today, field: `teachers.${i}.idNumber` }));
  const ids = input.teachers.map((t) => t.idNumber.toUpperCase());
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw invalid(`teachers.${dup}.idNumber`, '教师身份证号重复');
  return { ...input, teachers: input.teachers.map((t) => ({ ...t, idNumber: t.idNumber.toUpperCase() })), cityCode: cityCodeOf(input.regionCode)! };
}

/**
 * Teachers' ID numbers are shown masked, so a form sends back a masked one for a teacher it did not change: the
 * registered number of that teacher (named by its id) stands in for it. A masked number for anyone else is refused.
 */
async function wholeTeacherIds(ctx: AppContext, institutionId: string | null, teachers: InstitutionInput['teachers']) {
  const registered = institutionId ? await store.teacherIdNumbers(ctx.db, institutionId) : new Map<string, string>();
  return teachers.map((t, i) => {
    if (!t.idNumber.includes('*')) return t;
    const whole = t.id ? registered.get(t.id) : undefined;
    if (!whole || maskIdNumber(whole) !== t.idNumber.toUpperCase()) throw invalid(`teachers.${i}.idNumber`, '请填写完整的身份证号（隐藏的号码只能保留原登记教师的号码）');
    return { ...t, idNumber: whole };
  });
}

/** 显示: one teacher's whole ID number for the roles of `seesTeacherIds`, the view audited (without the value). */
export async function revealTeacherId(ctx: AppContext, actor: Actor, institutionId: string, teacherId: string): Promise<string> {
  const inst = await store.getInstitutionInScope(ctx.db, actor, institutionId);
  if (!inst) throw notFound('institution');
  if (!seesTeacherIds(actor, institutionId)) throw new AppError('forbidden', `role ${actor.role} may not reveal teachers' ID numbers`, { action: 'reveal', role: actor.role });
  const whole = (await store.teacherIdNumbers(ctx.db, institutionId)).get(teacherId);
  if (!whole) throw notFound('teacher');
  await ctx.db.transaction((tx) => appendAudit(tx, {
    cityCode: inst.cityCode, at: ctx.now(), actorId: actor.accountId, actor: actor.username, action: 'teacher.reveal', entity: 'teacher', entityId: teacherId, after: { field: 'idNumber', institutionId },
  }));
  return whole;
}

const uniqueViolation = (e: any) => e?.code === '23505';

export async function createInstitution(ctx: AppContext, actor: Actor, input: InstitutionInput) {
  authorize(institutionPolicy, actor, 'create');
  const checked = await checkInstitutionInput(ctx, actor, input, null);
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const inst = await store.insertInstitution(tx, checked, now);
      await store.replaceInstitutionParts(tx, inst.id, checked);
      const detail = await store.institutionDetail(tx, inst);
      await appendAudit(tx, { cityCode: inst.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'institution.create', entity: 'institution', entityId: inst.id, after: detail });
      return detail;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw new AppError('conflict', 'creditCode: 该统一社会信用代码已登记', { field: 'creditCode' });
    throw e;
  }
}

export async function updateInstitution(ctx: AppContext, actor: Actor, id: string, input: InstitutionInput) {
  authorize(institutionPolicy, actor, 'update');
  if (!(await store.getInstitutionInScope(ctx.db, actor, id))) throw notFound('institution');
  const checked = await checkInstitutionInput(ctx, actor, input, id);
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await store.institutionDetail(tx, (await store.lockInstitution(tx, id))!);
      const inst = await store.updateInstitutionRow(tx, id, checked, now);
      await store.replaceInstitutionParts(tx, id, checked);
      const after = await store.institutionDetail(tx, inst);
      await appendAudit(tx, { cityCode: inst.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'institution.update', entity: 'institution', entityId: id, before, after });
      return after;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw new AppError('conflict', 'creditCode: 该统一社会信用代码已登记', { field: 'creditCode' });
    throw e;
  }
}

export async function getInstitution(ctx: AppContext, actor: Actor, id: string) {
  const inst = await store.getInstitutionInScope(ctx.db, actor, id);
  if (!inst) throw notFound('institution');
  authorize(institutionPolicy, actor, 'view', inst);
  return store.institutionDetail(ctx.db, inst);
}

/** Fires one status transition (SPEC §3.1) with the reason, in one transaction with its audit entry. */
export async function transitionInstitution(ctx: AppContext, actor: Actor, id: string, action: string, reason: string) {
  if (!(await store.getInstitutionInScope(ctx.db, actor, id))) throw notFound('institution');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = (await store.lockInstitution(tx, id))!;
    const t = fire(institutionMachine, before.status, action, actor.role);
    const after = await store.setInstitutionStatus(tx, id, t.to, now);
    await appendAudit(tx, { cityCode: before.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: `institution.${action}`, entity: 'institution', entityId: id, before: { status: before.status }, after: { status: after.status, reason } });
    return after;
  });
}
