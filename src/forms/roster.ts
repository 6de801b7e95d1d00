/**
 * 职业技能培训人员名册 (附件3; the seed lists it but does not reproduce it): landscape A4, the title and class
 * lines and the table header on every page, 第 N 页 共 M 页, and the stamp/preparer/date footer on every page
 * (each printed page of a 名册 is stamped).
 */
import type { RenderOptions, RosterEntry, RosterForm } from './forms.ts';
import { A4_LANDSCAPE, addPage, createDocument, formatDate, formatDateRange, textAt } from './pdf.ts';
import { drawTable, type Cell, type Row } from './table.ts';

export const ROSTER_TITLE = '职业技能培训人员名册';

const MARGIN_X = 40;
const TOP = 34;
const WIDTH = A4_LANDSCAPE.width - 2 * MARGIN_X;
const FOOTER_Y = A4_LANDSCAPE.height - 62;
const PAGE_NO_Y = A4_LANDSCAPE.height - 34;
const TABLE_BOTTOM = FOOTER_Y - 12;

interface Column {
  title: string;
  width: number;
  value: (e: RosterEntry, i: number) => string;
  align?: Cell['align'];
}

export function rosterColumns(data: RosterForm): Column[] {
  const showScore = data.showScore ?? data.entries.some((e) => e.score !== undefined && e.score !== '');
  const showCert = data.showCertificateNo ?? data.entries.some((e) => !!e.certificateNo);
  const cols: Column[] = [
    { title: '序号', width: 36, value: (_, i) => String(i + 1) },
    { title: '姓名', width: 72, value: (e) => e.name },
    { title: '性别', width: 36, value: (e) => e.gender ?? '' },
    { title: '身份证号码', width: 128, value: (e) => e.idNumber },
    { title: '文化程度', width: 62, value: (e) => e.education ?? '' },
    { title: '人员类别', width: 0, value: (e) => (e.groups ?? []).join('、'), align: 'left' },
    { title: '联系电话', width: 86, value: (e) => e.phone ?? '' },
  ];
  if (showScore) cols.push({ title: '考核成绩', width: 62, value: (e) => (e.score === undefined ? '' : String(e.score)) });
  if (showCert) cols.push({ title: '证书编号', width: 124, value: (e) => e.certificateNo ?? '' });
  const fixed = cols.reduce((s, c) => s + c.width, 0);
  cols[5].width = WIDTH - fixed; // 人员类别 takes what is left
  return cols;
}

function pageHeading(doc: PDFKit.PDFDocument, data: RosterForm): number {
  let y = textAt(doc, data.title ?? ROSTER_TITLE, MARGIN_X, TOP, WIDTH, { size: 17, align: 'center' }) + 10;
  const size = 10.5;
  const line = (fields: Array<[string, number]>) => {
    let x = MARGIN_X;
    let bottom = y;
    for (const [text, share] of fields) {
      const w = WIDTH * share;
      bottom = Math.max(bottom, textAt(doc, text, x, y, w - 8, { size }));
      x += w;
    }
    y = bottom + 4;
  };
  line([
    [`培训机构：${data.institutionName}`, 0.45],
    [`培训职业（工种）：${data.occupationName}`, 0.35],
    [`等级：${data.levelName}`, 0.2],
  ]);
  line([
    [`培训起止时间：${formatDateRange(data.startDate, data.endDate)}`, 0.45],
    [`班次：${data.className ?? ''}`, 0.35],
    [`人数：${data.entries.length}人`, 0.2],
  ]);
  return y + 4;
}

function footer(doc: PDFKit.PDFDocument, data: RosterForm, page: number, pages: number): void {
  const third = WIDTH / 3;
  textAt(doc, '培训机构（盖章）：', MARGIN_X, FOOTER_Y, third, { size: 10.5 });
  textAt(doc, `填表人：${data.preparedBy ?? ''}`, MARGIN_X + third, FOOTER_Y, third, { size: 10.5, align: 'center' });
  textAt(doc, `日期：${formatDate(data.date, 'date')}`, MARGIN_X + 2 * third, FOOTER_Y, third, { size: 10.5, align: 'right' });
  textAt(doc, `第 ${page} 页 共 ${pages} 页`, MARGIN_X, PAGE_NO_Y, WIDTH, { size: 9.5, align: 'center' });
}

export async function rosterPdf(data: RosterForm, options: RenderOptions = {}): Promise<Buffer> {
  const title = data.title ?? ROSTER_TITLE;
  formatDateRange(data.startDate, data.endDate); // refuse bad dates before drawing anything
  formatDate(data.date, 'date');
  const { doc, finish } = createDocument({ ...options, title: `${title} ${data.institutionName}`, landscape: true, date: data.date });
  const cols = rosterColumns(data);
  const rows: Row[] = [
    { cells: cols.map((c) => ({ text: c.title })), minHeight: 26 },
    ...data.entries.map((e, i) => ({ cells: cols.map((c) => ({ text: c.value(e, i), align: c.align ?? 'center', fontSize: 10 })) })),
  ];
  const y = pageHeading(doc, data);
  drawTable(doc, {
    x: MARGIN_X,
    y,
    columns: cols.map((c) => c.width),
    rows,
    headerRows: 1,
    minRowHeight: 22,
    padding: 3,
    bottom: TABLE_BOTTOM,
    onPageBreak: () => {
      addPage(doc, true);
      return pageHeading(doc, data);
    },
  });
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    footer(doc, data, i - start + 1, count);
  }
  return finish();
}
