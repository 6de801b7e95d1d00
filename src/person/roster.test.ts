import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { multipart, seedWorld, testApp, testIdNumber, withWrongCheckDigit } from '../test/fixtures.ts';
import { readRoster } from './roster.ts';

async function workbook(rows: Array<Record<string, string | number>>, headers = ['序号', '姓名', '公民身份号码', '手机号码', '文化程度', '人员类别', '登记状态']) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('学员花名册');
  sheet.addRow(['阳泉市城区惠民职业培训学校 学员花名册']); // a title line above the header, as real rosters have
  sheet.addRow(headers);
  rows.forEach((r, i) => sheet.addRow(headers.map((h) => (h === '序号' ? i + 1 : r[h] ?? ''))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeStores('roster import and export', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const count = async () => (await store().query(`SELECT count(*)::int AS n FROM person`)).rows[0].n as number;
  const upload = (mode: string, bytes: Buffer, user = 'institution-yq', name = '花名册.xlsx') => {
    const m = multipart({ name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes });
    return t.app.inject({ method: 'POST', url: `/api/v1/persons/import?mode=${mode}`, payload: m.payload, headers: { ...m.headers, ...t.as(user) } });
  };
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    await t.login('institution-yq');
    await t.login('county_admin-yq');
  });

  const mixed = () => workbook([
    { 姓名: '导入甲', 公民身份号码: testIdNumber(201), 人员类别: '农村转移就业劳动者' },
    { 姓名: '导入乙', 公民身份号码: withWrongCheckDigit(testIdNumber(203)) },
    { 姓名: '', 公民身份号码: testIdNumber(205) },
    { 姓名: '导入丁', 公民身份号码: testIdNumber(201) },
  ]);

  it('with mode=all, one bad row stops everything: each bad row is listed with its reasons and nothing is imported', async () => {
    const before = await count();
    const res = await upload('all', await mixed());
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: 'validation', field: 'file' });
    expect(body.report.problems.map((p: any) => [p.row, p.reasons[0].field])).toEqual([[4, 'idNumber'], [5, 'name'], [6, 'idNumber']]);
    expect(body.report.problems[2].reasons[0].message).toContain('第 3 行');
    expect(await count()).toBe(before);
  });

  it('mode=check reports without writing', async () => {
    const before = await count();
    const res = await upload('check', await mixed());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 4, valid: 1, created: 0 });
    expect(await count()).toBe(before);
  });

  it('mode=good imports the good rows the user chose to keep and lists the skipped ones', async () => {
    const before = await count();
    const res = await upload('good', await mixed());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 4, valid: 1, created: 1, linked: 0 });
    expect(res.json().problems).toHaveLength(3);
    expect(await count()).toBe(before + 1);
    const audit = await store().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.create'`);
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('a row for someone registered elsewhere under another name is refused, without saying whether the name matched', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('county_admin-yq'), payload: { name: '原名', idNumber: testIdNumber(207) } });
    const res = await upload('check', await workbook([{ 姓名: '别名', 公民身份号码: testIdNumber(207) }]));
    expect(res.json().problems[0].reasons[0].message).toContain('该公民身份号码已登记');
    expect(res.json().problems[0].reasons[0].message).not.toContain('不一致');
  });

  it('refuses a file that is not .xlsx', async () => {
    const res = await upload('all', Buffer.from('name,id\n'), 'institution-yq', 'roster.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'file' });
    const junk = await upload('all', Buffer.from('not a zip'), 'institution-yq', 'roster.xlsx');
    expect(junk.json()).toMatchObject({ code: 'validation', field: 'file' });
  });

  it('exports the same layout, which imports back', async () => {
    const res = await t.app.inject({ url: '/api/v1/persons/export', headers: t.as('institution-yq') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { rows, problems } = await readRoster(res.rawPayload);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.input.name)).toContain('导入甲');
    expect(rows.find((r) => r.input.name === '导入甲')!.input).toMatchObject({ idNumber: testIdNumber(201), groups: ['rural_migrant'] });
  });
});
