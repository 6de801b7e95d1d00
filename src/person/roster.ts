import ExcelJS from 'exceljs';
import { AppError } from '../shared/errors.ts';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, PERSON_GROUPS, personInput, type Person, type PersonInput } from './person.ts';

/** The columns of the 学员花名册 workbook, in order; import and export use the same layout. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', width: 10 },
  { key: 'idNumber', header: '公民身份号码', width: 22 },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'phone', header: '手机号码', width: 14 },
  { key: 'education', header: '文化程度', width: 10 },
  { key: 'groups', header: '人员类别', width: 28 },
  { key: 'employmentStatus', header: '登记状态', width: 10 },
  { key: 'employmentCardNo', header: '就业创业证编码', width: 22 },
  { key: 'householdRegionCode', header: '户籍地区代码', width: 12 },
] as const;

export interface RowProblem {
  row: number; // the spreadsheet's row number, as the user sees it
  name: string;
  reasons: { field: string; column: string; message: string }[];
}

export interface ParsedRow {
  row: number;
  input: PersonInput;
}

const byLabel = <T extends string>(labels: Record<T, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as T]));
const EDUCATION_BY_LABEL = byLabel(EDUCATION_LEVELS);
const STATUS_BY_LABEL = byLabel(EMPLOYMENT_STATUSES);
const GROUP_BY_LABEL = byLabel(PERSON_GROUPS);
const headerOf = (field: string) => ROSTER_COLUMNS.find((c) => c.key === field)?.header ?? field;

/** Reads the first sheet; finds columns by their headers so that a reordered template still imports. */
export async function readRoster(buffer: Buffer): Promise<{ rows: ParsedRow[]; problems: RowProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as any);
  } catch {
    throw new AppError('validation', 'file: 不是有效的 .xlsx 文件', { field: 'file' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('validation', 'file: 工作簿中没有工作表', { field: 'file' });
  const headerRow = findHeaderRow(sheet);
  const colOf = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const column = ROSTER_COLUMNS.find((c) => c.header === cell.text.trim());
    if (column) colOf.set(column.key, col);
  });
  for (const required of ['name', 'idNumber'] as const) {
    if (!colOf.has(required)) throw new AppError('validation', `file: 缺少“${headerOf(required)}”列`, { field: 'file' });
  }
  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (key: string) => {
      const col = colOf.get(key);
      return col ? row.getCell(col).text.trim() : '';
    };
    if (ROSTER_COLUMNS.every((c) => !text(c.key))) continue; // blank line
    const reasons: RowProblem['reasons'] = [];
    const reason = (field: string, message: string) => reasons.push({ field, column: headerOf(field), message });
    const idCell = colOf.get('idNumber') ? row.getCell(colOf.get('idNumber')!) : undefined;
    if (idCell && typeof idCell.value === 'number') reason('idNumber', '公民身份号码须以文本格式填写（数字格式会丢失末位）');
    const lookup = <T>(field: string, map: Map<string, T>, value: string): T | undefined => {
      if (!value) return undefined;
      const hit = map.get(value) ?? (map as Map<string, T>).get(value.replace(/\s/g, ''));
      if (hit === undefined) reason(field, `无法识别“${value}”，可选：${[...map.keys()].join('、')}`);
      return hit;
    };
    const groups = text('groups') ? text('groups').split(/[、,，;；\s]+/).filter(Boolean).map((g) => lookup('groups', GROUP_BY_LABEL, g)) : [];
    const candidate = {
      name: text('name'),
      idNumber: text('idNumber'),
      phone: text('phone') || null,
      education: lookup('education', EDUCATION_BY_LABEL, text('education')) ?? null,
      groups: groups.filter((g): g is NonNullable<typeof g> => !!g),
      employmentStatus: lookup('employmentStatus', STATUS_BY_LABEL, text('employmentStatus')) ?? 'none',
      employmentCardNo: text('employmentCardNo') || null,
      householdRegionCode: text('householdRegionCode') || null,
    };
    const parsed = personInput.safeParse(candidate);
    if (!parsed.success) for (const issue of parsed.error.issues) reason(String(issue.path[0]), issue.message);
    if (reasons.length || !parsed.success) problems.push({ row: r, name: candidate.name, reasons });
    else rows.push({ row: r, input: parsed.data });
  }
  return { rows, problems };
}

function findHeaderRow(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= Math.min(sheet.rowCount, 10); r++) {
    const texts: string[] = [];
    sheet.getRow(r).eachCell((c) => void texts.push(c.text.trim()));
    if (texts.includes('姓名') && texts.includes('公民身份号码')) return r;
  }
  throw new AppError('validation', 'file: 前10行中找不到表头（须含“姓名”“公民身份号码”）', { field: 'file' });
}

/** Writes persons as the same 学员花名册 layout (ID numbers as text, so Excel keeps every digit). */
export async function writeRoster(persons: Array<Pick<Person, 'name' | 'idNumber' | 'gender' | 'phone' | 'education' | 'groups' | 'employmentStatus' | 'employmentCardNo' | 'householdRegionCode'>>, title = '学员花名册'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'peixun';
  // Excel sheet names: at most 31 characters, none of \ / ? * [ ] :
  const sheet = wb.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || '学员花名册');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const p of persons) {
    sheet.addRow({
      name: p.name,
      idNumber: p.idNumber,
      gender: p.gender === 'male' ? '男' : '女',
      phone: p.phone ?? '',
      education: p.education ? EDUCATION_LEVELS[p.education] : '',
      groups: p.groups.map((g) => PERSON_GROUPS[g]).join('、'),
      employmentStatus: EMPLOYMENT_STATUSES[p.employmentStatus],
      employmentCardNo: p.employmentCardNo ?? '',
      householdRegionCode: p.householdRegionCode ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
