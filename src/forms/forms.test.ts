import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRenderPdf } from '../test/environment.ts';
import type { OpeningApplicationForm, RosterEntry, RosterForm, TraineeRegistrationForm } from './forms.ts';
import {
  openingApplicationPdf,
  registrationCheckboxes,
  rosterColumns,
  rosterPdf,
  traineeRegistrationPdf,
} from './index.ts';

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'peixun-forms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let seq = 0;
/** Text of the PDF (or of one page of it) as poppler extracts it. */
function pdfText(pdf: Buffer, page?: number): string {
  const file = join(dir, `f${++seq}.pdf`);
  writeFileSync(file, pdf);
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
const noSpaces = (s: string) => s.replace(/\s+/g, '');

function expectPdfWithCjkFont(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const raw = pdf.toString('latin1');
  expect(raw).toMatch(/\/FontFile/);
  expect(raw).toMatch(/NotoSansCJK/);
  expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
}

const opening: OpeningApplicationForm = {
  institutionName: '阳泉市䶮𠮷职业培训学校',
  programTypeName: '就业技能培训',
  headcount: 30,
  occupationName: '中式烹调师',
  levelName: '五级（初级工）',
  startDate: '2024-11-01',
  endDate: '2024-11-15',
  venue: '阳泉市城区桃北西街12号实训楼三层',
  lessons: { total: 120, theory: 40, practical: 80 },
  teachers: [
    { name: '李喆', title: '高级技师', unit: '阳泉市烹饪协会', phone: '13800000000' },
    { name: '王堃', title: '讲师', unit: '阳泉职业技术学院', phone: '0353-1234567' },
  ],
  institutionOpinion: { text: '师资、场地、设备均已落实，申请开班。', handledBy: '张三', approvedBy: '赵四', date: '2024-10-25' },
  bureauOpinion: { text: '经审核，同意开班。', handledBy: '钱五', approvedBy: '孙六', date: '2024-10-28' },
  applicationDate: '2024-10-25',
};

const person: TraineeRegistrationForm = {
  name: '王䶮',
  idNumber: '140302********1234',
  gender: '男',
  ethnicity: '汉族',
  birthMonth: '1990-05',
  education: '高中',
  formerSpeciality: '农业种植',
  householdAddress: '山西省阳泉市郊区河底镇𠮷村',
  phone: '13900001111',
  groups: ['农村转移就业劳动者', '贫困劳动力'],
  employmentStatus: 'unemployed',
  institutionName: '阳泉市职业培训学校',
  occupationName: '中式烹调师',
  level: 5,
  signedDate: '2024-10-20',
  institutionOpinion: { text: '同意参加培训。', date: '2024-10-21' },
};

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const givenNames = ['喆', '䶮', '𠮷', '堃', '赟', '玥', '建国', '秀英', '志强', '丽华'];
function rosterEntries(n: number, withResults: boolean): RosterEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    name: surnames[i % surnames.length] + givenNames[i % givenNames.length],
    gender: i % 2 ? '女' : '男',
    idNumber: `1403${String(i % 100).padStart(2, '0')}**********${1000 + i}`,
    education: ['初中', '高中', '大专'][i % 3],
    groups: i % 7 === 0 ? ['农村转移就业劳动者', '贫困劳动力', '毕业年度高校毕业生'] : ['城镇登记失业人员'],
    phone: `139${String(i).padStart(8, '0')}`,
    ...(withResults ? { score: 60 + (i % 40), certificateNo: `JNPX12032400${String(i + 1).padStart(4, '0')}` } : {}),
  }));
}
const roster: RosterForm = {
  institutionName: '阳泉市职业培训学校',
  occupationName: '中式烹调师',
  levelName: '五级（初级工）',
  startDate: '2024-11-01',
  endDate: '2024-11-15',
  className: '2024年第3期',
  entries: rosterEntries(60, true),
  preparedBy: '张三',
  date: '2024-11-20',
};

describe.skipIf(!canRenderPdf)('开班申请表 (附件1)', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await openingApplicationPdf(opening);
  });

  it('renders a one-page PDF with an embedded CJK font subset', () => {
    expectPdfWithCjkFont(pdf);
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it.skipIf(!HAS_PDFTOTEXT)('prints the title, the institution with rare characters, the class, teachers and opinions', () => {
    const text = noSpaces(pdfText(pdf));
    for (const s of [
      '职业技能培训开班申请表',
      '培训机构名称：阳泉市䶮𠮷职业培训学校',
      '2024年10月25日',
      '培训种类',
      '就业技能培训',
      '中式烹调师',
      '2024年11月1日—11月15日',
      '理论',
      '技能',
      '师资情况',
      '李喆',
      '0353-1234567',
      '人社部门审核意见',
      '经审核，同意开班。',
      '主管领导：孙六',
      '机构法人：赵四',
      '此表一式三份',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('continues on a second page with the teachers header repeated when there are many teachers', async () => {
    const teachers = Array.from({ length: 30 }, (_, i) => ({ name: `教师${i + 1}`, title: '讲师', unit: '某学院', phone: '13800000000' }));
    const long = await openingApplicationPdf({ ...opening, teachers });
    expect(pageCount(long)).toBe(2);
    if (HAS_PDFTOTEXT) {
      expect(noSpaces(pdfText(long, 2))).toContain('姓名职称单位联系电话');
      expect(noSpaces(pdfText(long, 2))).toContain('教师30');
    }
  });

  it('gives the same bytes for the same data (no clock in the document)', async () => {
    expect((await openingApplicationPdf(opening)).equals(pdf)).toBe(true);
  });

  it('refuses a malformed date naming the field', async () => {
    await expect(openingApplicationPdf({ ...opening, applicationDate: '2024-02-30' })).rejects.toThrow(/applicationDate/);
    await expect(openingApplicationPdf({ ...opening, endDate: '2024-10-01' })).rejects.toThrow(/endDate/);
  });
});

describe.skipIf(!canRenderPdf)('学员登记表 (附件2)', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await traineeRegistrationPdf([person, { name: '李喆', idNumber: '140302199001011234', groups: [] }]);
  });

  it('renders one page per person with an embedded CJK font subset', () => {
    expectPdfWithCjkFont(pdf);
    expect(pageCount(pdf)).toBe(2);
  });

  it.skipIf(!HAS_PDFTOTEXT)('prints each person on their own page, masked ID as given', () => {
    const first = noSpaces(pdfText(pdf, 1));
    expect(first).toContain('职业技能培训学员登记表');
    expect(first).toContain('王䶮');
    expect(first).toContain('140302********1234');
    expect(first).toContain('𠮷村');
    expect(first).toContain('一寸免冠');
    expect(first).toContain('贫困家庭子女');
    expect(first).toContain('距刑满释放不足一年的服刑人员');
    expect(first).toContain('填表人签名');
    expect(first).toContain('1990年5月');
    const second = noSpaces(pdfText(pdf, 2));
    expect(second).toContain('李喆');
    expect(second).toContain('140302199001011234');
    expect(second).not.toContain('王䶮');
    // no address given: the form's template is printed for handwriting
    expect(second).toContain('县（市、区）');
  });

  it('ticks exactly the person’s groups, status and level, and adds groups the form does not list', () => {
    const boxes = registrationCheckboxes({ ...person, groups: ['贫困劳动力', '城镇登记失业人员'] });
    expect(boxes.groups.filter((b) => b.checked).map((b) => b.label)).toEqual(['贫困劳动力', '城镇登记失业人员']);
    expect(boxes.groups).toHaveLength(12);
    expect(boxes.employmentStatus.filter((b) => b.checked).map((b) => b.label)).toEqual(['失业']);
    expect(boxes.level.filter((b) => b.checked).map((b) => b.label)).toEqual(['五级(初级工)']);
    const none = registrationCheckboxes({ name: 'x', idNumber: 'y', groups: [] });
    expect([...none.groups, ...none.employmentStatus, ...none.level].some((b) => b.checked)).toBe(false);
  });

  it('refuses an empty list of people, and a bad date naming the person and the field', async () => {
    await expect(traineeRegistrationPdf([])).rejects.toThrow(/no person/);
    await expect(traineeRegistrationPdf([person, { ...person, name: '赵赟', birthMonth: '1990-13' }])).rejects.toThrow(
      /person 2 \(赵赟\): birthMonth/,
    );
  });
});

describe.skipIf(!canRenderPdf)('人员名册 (附件3)', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await rosterPdf(roster);
  });

  it('runs 60 people over several landscape pages and stays small', () => {
    expectPdfWithCjkFont(pdf);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(pdf.length).toBeLessThan(300_000);
  });

  it.skipIf(!HAS_PDFTOTEXT)('repeats the header, numbers the pages and signs every page', () => {
    const pages = pageCount(pdf);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const text = noSpaces(pdfText(pdf, p));
      expect(text).toContain('职业技能培训人员名册');
      expect(text).toContain('序号姓名性别身份证号码文化程度人员类别联系电话考核成绩证书编号');
      expect(text).toContain(`第${p}页共${pages}页`);
      expect(text).toContain('培训机构（盖章）');
      expect(text).toContain('填表人：张三');
      seen.push(text);
    }
    const all = seen.join('');
    for (const e of roster.entries) expect(all).toContain(e.idNumber);
    expect(all).toContain('王喆');
    expect(all).toContain('李䶮');
    expect(all).toContain('张𠮷');
    expect(all).toContain('JNPX120324000060');
  });

  it('shows 考核成绩 and 证书编号 only when provided (or asked for)', () => {
    const plain = { ...roster, entries: rosterEntries(3, false) };
    expect(rosterColumns(plain).map((c) => c.title)).toEqual(['序号', '姓名', '性别', '身份证号码', '文化程度', '人员类别', '联系电话']);
    expect(rosterColumns(roster).map((c) => c.title).slice(-2)).toEqual(['考核成绩', '证书编号']);
    expect(rosterColumns({ ...plain, showScore: true }).map((c) => c.title)).toContain('考核成绩');
    const widths = rosterColumns(roster).reduce((s, c) => s + c.width, 0);
    expect(widths).toBeCloseTo(841.89 - 80, 5);
  });

  it.skipIf(!HAS_PDFTOTEXT)('prints a short roster without the result columns on one page', async () => {
    const short = await rosterPdf({ ...roster, entries: rosterEntries(3, false), date: undefined });
    expect(pageCount(short)).toBe(1);
    const text = noSpaces(pdfText(short));
    expect(text).not.toContain('证书编号');
    expect(text).toContain('第1页共1页');
  });
});

describe('font', () => {
  it('says to install fonts-noto-cjk when the font file is missing', async () => {
    await expect(rosterPdf(roster, { fontPath: join(dir, 'no-such-font.ttc') })).rejects.toThrow(/fonts-noto-cjk/);
  });
});
