import type { AppContext } from '../app/context.ts';
import type { Queryable } from '../db/db.ts';
import { authorize, isCityLevel, type Actor } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { cityCodeOf, regionByCode } from '../registry/regions.ts';
import { validateIdNumber } from './id-number.ts';
import { personPolicy, type Person, type PersonInput, type PersonPatch } from './person.ts';
import { maskedIdentity, printsWholeNumbers, revealPolicy, type RevealField } from './present.ts';
import { readRoster, ROSTER_COLUMNS, writeRoster, type RowProblem } from './roster.ts';
import * as store from './store.ts';

const isKnownRegion = (code: string) => !!regionByCode(code);

/** Where a new person is registered: the institution's county, the county bureau's county, or a county of the city. */
async function registrationRegion(db: Queryable, actor: Actor, requested: string | null | undefined): Promise<{ regionCode: string; cityCode: string }> {
  if (actor.role === 'institution') {
    const { rows } = await db.query(`SELECT region_code, city_code FROM institution WHERE id = $1`, [actor.institutionId]);
    return { regionCode: rows[0].region_code, cityCode: rows[0].city_code };
  }
  if (!requested) return { regionCode: actor.regionCode, cityCode: actor.cityCode };
  if (!isKnownRegion(requested)) throw invalid('regionCode', `未知的地区代码 ${requested}`);
  const inScope = isCityLevel(actor) ? cityCodeOf(requested) === actor.cityCode : requested === actor.regionCode;
  if (!inScope) throw invalid('regionCode', `地区 ${requested} 不在本账号的管辖范围内`);
  return { regionCode: requested, cityCode: cityCodeOf(requested)! };
}

/** Checks one input (form, API or roster row) and turns it into the row to store. Throws naming the field. */
export function checkPersonInput(input: PersonInput, today: string) {
  const id = validateIdNumber(input.idNumber, { asOf: today, field: 'idNumber', isKnownRegion });
  if (input.householdRegionCode && !isKnownRegion(input.householdRegionCode)) {
    throw invalid('householdRegionCode', `未知的地区代码 ${input.householdRegionCode}`);
  }
  return {
    id,
    fields: {
      idNumber: id.idNumber,
      name: input.name,
      gender: id.gender,
      birthDate: id.birthDate,
      phone: input.phone ?? null,
      householdRegionCode: input.householdRegionCode ?? (isKnownRegion(id.regionCode) ? id.regionCode : null),
      education: input.education ?? null,
      groups: [...new Set(input.groups)],
      employmentStatus: input.employmentStatus,
      employmentCardNo: input.employmentCardNo ?? null,
    },
  };
}

export type PersonWrite = { person: Person; outcome: 'created' | 'linked'; warnings: string[] };

/**
 * One answer for every ID number that cannot be registered here, whatever the name typed and wherever the person is
 * registered: nothing in it lets a caller test whether an ID number and a name belong together.
 */
const alreadyRegistered = () => new AppError('conflict', 'idNumber: 该公民身份号码已登记，无法在此登记；如需在本机构培训，请核对姓名，或联系其登记地人社部门', { field: 'idNumber' });

/**
 * Registers a person (one per ID number). An institution entering someone already registered in its own city, with
 * the same name, gains access to that person instead (the registry is shared real-name data of the city); a person
 * of another city is never linked.
 */
export async function createPerson(ctx: AppContext, actor: Actor, input: PersonInput): Promise<PersonWrite> {
  authorize(personPolicy, actor, 'create');
  const now = ctx.now();
  const { id, fields } = checkPersonInput(input, shanghaiDate(now));
  const where = await registrationRegion(ctx.db, actor, input.regionCode);
  return ctx.db.transaction((tx) => writePerson(tx, actor, { ...fields, ...where }, now, id.warnings));
}

/** Whether an existing person may be linked to the institution typing them in (same city, same name). */
const linkable = (actor: Actor, existing: Person, fields: store.NewPerson) =>
  actor.role === 'institution' && existing.cityCode === fields.cityCode && existing.name === fields.name;

export async function writePerson(tx: Queryable, actor: Actor, fields: store.NewPerson, now: Date, warnings: string[] = []): Promise<PersonWrite> {
  const existing = await store.findPersonByIdNumber(tx, fields.idNumber);
  if (existing) {
    if (!linkable(actor, existing, fields)) throw alreadyRegistered();
    await store.linkPersonToInstitution(tx, existing.id, actor.institutionId!);
    await appendAudit(tx, { cityCode: existing.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'person.link', entity: 'person', entityId: existing.id, after: { institutionId: actor.institutionId } });
    return { person: existing, outcome: 'linked', warnings };
  }
  const person = await store.insertPerson(tx, fields, now);
  if (actor.role === 'institution') await store.linkPersonToInstitution(tx, person.id, actor.institutionId!);
  await appendAudit(tx, { cityCode: person.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'person.create', entity: 'person', entityId: person.id, after: person });
  return { person, outcome: 'created', warnings };
}

/** 显示: the whole ID number or phone of one person in scope, for the roles of `revealPolicy`; the view is audited (without the value). */
export async function revealPerson(ctx: AppContext, actor: Actor, personId: string, field: RevealField): Promise<string | null> {
  authorize(revealPolicy, actor, 'reveal', { personId });
  const person = await store.getPersonInScope(ctx.db, actor, personId);
  if (!person) throw notFound('person');
  await ctx.db.transaction((tx) => appendAudit(tx, {
    cityCode: person.cityCode, at: ctx.now(), actorId: actor.accountId, actor: actor.username, action: 'person.reveal', entity: 'person', entityId: personId, after: { field },
  }));
  return field === 'idNumber' ? person.idNumber : person.phone;
}

/** Masked rows for roles that may not print whole numbers; whole rows otherwise, with the print audited in `tx`. */
export async function printablePersons<T extends { idNumber: string; phone: string | null }>(
  tx: Queryable, actor: Actor, now: Date, rows: T[], print: { form: string; cityCode: string; entity: string; entityId: string },
): Promise<{ rows: T[]; whole: boolean }> {
  if (!printsWholeNumbers(actor)) return { rows: rows.map((r) => ({ ...r, ...maskedIdentity(r.idNumber, r.phone) })), whole: false };
  await appendAudit(tx, {
    cityCode: print.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'form.print', entity: print.entity, entityId: print.entityId,
    after: { form: print.form, persons: rows.length, wholeNumbers: true },
  });
  return { rows, whole: true };
}

export async function updatePerson(ctx: AppContext, actor: Actor, personId: string, patch: PersonPatch): Promise<Person> {
  authorize(personPolicy, actor, 'update');
  const visible = await store.getPersonInScope(ctx.db, actor, personId);
  if (!visible) throw notFound('person');
  if (patch.householdRegionCode && !isKnownRegion(patch.householdRegionCode)) {
    throw invalid('householdRegionCode', `未知的地区代码 ${patch.householdRegionCode}`);
  }
  const { regionCode: requested, ...rest } = patch;
  const moved = requested && requested !== visible.regionCode && actor.role !== 'institution'
    ? await registrationRegion(ctx.db, actor, requested) : {};
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await store.lockPerson(tx, personId);
    if (!before) throw notFound('person');
    const after = await store.updatePerson(tx, personId, { ...rest, ...moved, groups: rest.groups ? [...new Set(rest.groups)] : undefined }, now);
    await appendAudit(tx, { cityCode: after.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action: 'person.update', entity: 'person', entityId: personId, before, after });
    return after;
  });
}

export async function getPerson(ctx: AppContext, actor: Actor, personId: string): Promise<Person> {
  authorize(personPolicy, actor, 'view');
  const p = await store.getPersonInScope(ctx.db, actor, personId);
  if (!p) throw notFound('person');
  return p;
}

export interface ImportReport {
  mode: ImportMode;
  total: number;
  valid: number;
  created: number;
  linked: number;
  problems: RowProblem[];
}
export type ImportMode = 'all' | 'good' | 'check';

/**
 * Imports a 学员花名册. Every row is checked first; with mode `all` one bad row stops the whole import
 * (nothing is written), with `good` the user chose to import the good rows and skip the listed bad ones,
 * with `check` nothing is written either way. All writes happen in one transaction.
 */
/**
 * `alsoInTransaction` runs with the imported persons' ids inside the same transaction (a cohort's roster import
 * enrols them): all of it happens, or none.
 */
export async function importRoster(
  ctx: AppContext, actor: Actor, file: Buffer, mode: ImportMode,
  alsoInTransaction?: (tx: Queryable, personIds: string[]) => Promise<void>,
): Promise<ImportReport> {
  authorize(personPolicy, actor, 'import');
  const now = ctx.now();
  const today = shanghaiDate(now);
  const where = await registrationRegion(ctx.db, actor, null);
  const { rows, problems } = await readRoster(file);
  const seen = new Map<string, number>();
  const good: Array<{ row: number; fields: store.NewPerson }> = [];
  for (const { row, input } of rows) {
    try {
      const { fields } = checkPersonInput(input, today);
      const earlier = seen.get(fields.idNumber);
      if (earlier) throw invalid('idNumber', `与第 ${earlier} 行的公民身份号码重复`);
      seen.set(fields.idNumber, row);
      good.push({ row, fields: { ...fields, ...where } });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push({ row, name: input.name, reasons: [{ field: e.details.field ?? 'row', column: columnHeader(e.details.field), message: e.message.replace(/^[\w.]+: /, '') }] });
    }
  }
  const existing = new Map((await store.findPersonsByIdNumbers(ctx.db, good.map((g) => g.fields.idNumber))).map((p) => [p.idNumber, p]));
  const writable = good.filter(({ row, fields }) => {
    const found = existing.get(fields.idNumber);
    if (!found || linkable(actor, found, fields)) return true;
    problems.push({ row, name: fields.name, reasons: [{ field: 'idNumber', column: columnHeader('idNumber'), message: alreadyRegistered().message.replace(/^idNumber: /, '') }] });
    return false;
  });
  problems.sort((a, b) => a.row - b.row);
  const report: ImportReport = { mode, total: writable.length + problems.length, valid: writable.length, created: 0, linked: 0, problems };
  if (mode === 'check') return report;
  if (mode === 'all' && problems.length) {
    throw new AppError('validation', `file: ${problems.length} 行有错误，未导入任何数据（可修改后重新导入，或选择“仅导入正确的行”）`, { field: 'file', report });
  }
  if (!writable.length) throw new AppError('validation', 'file: 没有可导入的行', { field: 'file', report });
  await ctx.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const { fields } of writable) {
      const r = await writePerson(tx, actor, fields, now);
      if (r.outcome === 'created') report.created++;
      else report.linked++;
      ids.push(r.person.id);
    }
    await alsoInTransaction?.(tx, ids);
  });
  return report;
}

const columnHeader = (field: string | undefined) => ROSTER_COLUMNS.find((c) => c.key === field)?.header ?? '';

export async function exportRoster(ctx: AppContext, actor: Actor, filter: Omit<store.PersonFilter, 'page' | 'pageSize'>): Promise<Buffer> {
  authorize(personPolicy, actor, 'export');
  const { items } = await store.searchPersons(ctx.db, actor, { ...filter, page: 1, pageSize: 100_000 });
  const { rows, whole } = await ctx.db.transaction((tx) => printablePersons(tx, actor, ctx.now(), items, {
    form: '学员花名册', cityCode: actor.cityCode, entity: 'person', entityId: 'export',
  }));
  return writeRoster(whole ? rows : rows.map((p) => ({ ...p, householdRegionCode: null })));
}
