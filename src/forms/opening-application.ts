/** 附件1 职业技能培训开班申请表 (suihua seed): one A4 page, continued on a second when the teachers run long. */
import type { OpeningApplicationForm, Opinion, RenderOptions } from './forms.ts';
import { A4, addPage, createDocument, formatDate, formatDateRange, textAt } from './pdf.ts';
import { drawTable, topAndBottom, type Cell, type Row } from './table.ts';

export const OPENING_APPLICATION_TITLE = '职业技能培训开班申请表';

export const OPENING_APPLICATION_NOTES = [
  '注：1、培训种类是指就业技能培训、岗前培训、岗位技能提升培训、安全技能培训和创业培训；',
  '2、创业培训类别是指创业意识培训、创办企业培训、改善企业培训、网络创业培训和创业实训等；',
  '3、此表一式三份，人社部门、财政部门和培训机构各一份。',
];

const MARGIN_X = 50;
const TOP = 48;
const BOTTOM = A4.height - 48;
const WIDTH = A4.width - 2 * MARGIN_X;

const label = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
const value = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });

function opinionBox(heading: string, opinion: Opinion | undefined, approverLabel: string): Cell {
  const top = [{ text: heading }, ...(opinion?.text ? [{ text: opinion.text, gap: 6 }] : [])];
  const pad = (s: string | undefined) => (s ? `${s}  ` : '                ');
  const bottom = [
    { text: `经办人：${pad(opinion?.handledBy)}（签字）` },
    { text: `${approverLabel}：${pad(opinion?.approvedBy)}（签字）（盖章）`, gap: 8 },
    { text: formatDate(opinion?.date, `${heading} date`), align: 'right' as const, gap: 8 },
  ];
  return { content: topAndBottom(top, bottom, 40) };
}

export async function openingApplicationPdf(data: OpeningApplicationForm, options: RenderOptions = {}): Promise<Buffer> {
  const dateText = formatDate(data.applicationDate, 'applicationDate');
  const period = formatDateRange(data.startDate, data.endDate);
  const { doc, finish } = createDocument({ ...options, title: `${OPENING_APPLICATION_TITLE} ${data.institutionName}`, date: data.applicationDate });

  let y = textAt(doc, OPENING_APPLICATION_TITLE, MARGIN_X, TOP, WIDTH, { size: 18, align: 'center' }) + 14;
  const nameBottom = textAt(doc, `培训机构名称：${data.institutionName}`, MARGIN_X, y, WIDTH - 150, { size: 11 });
  textAt(doc, dateText, MARGIN_X + WIDTH - 150, y, 150, { size: 11, align: 'right' });
  y = nameBottom + 8;

  // 培训种类 … 培训课时: five columns, the last two only split for 其中 理论/技能.
  const cols = [110, 165, 80, 55, WIDTH - 110 - 165 - 80 - 55];
  const { lessons } = data;
  const rows: Row[] = [
    { cells: [label('培训种类'), value(data.programTypeName), label('培训人数'), value(String(data.headcount), { colSpan: 2 })], minHeight: 36 },
    {
      cells: [label('培训职业（工种）或创业培训类别'), value(data.occupationName), label('培训等级'), value(data.levelName, { colSpan: 2 })],
      minHeight: 42,
    },
    { cells: [label('培训起止时间'), value(period, { colSpan: 4 })], minHeight: 36 },
    { cells: [label('培训地点'), value(data.venue, { colSpan: 4 })], minHeight: 36 },
    {
      cells: [
        label('培训课时', { rowSpan: 2 }),
        value(String(lessons.total), { rowSpan: 2 }),
        label('其中', { rowSpan: 2 }),
        label('理论'),
        value(String(lessons.theory)),
      ],
      minHeight: 30,
    },
    { cells: [label('技能'), value(String(lessons.practical))], minHeight: 30 },
    { cells: [label('培训机构开展此次培训师资情况', { colSpan: 5 })], minHeight: 34 },
  ];
  y = drawTable(doc, { x: MARGIN_X, y, columns: cols, rows });

  // 师资情况: 姓名 职称 单位 联系电话, at least three rows.
  const teacherRows: Row[] = [{ cells: ['姓名', '职称', '单位', '联系电话'].map((t) => label(t)) }];
  const n = Math.max(data.teachers.length, 3);
  for (let i = 0; i < n; i++) {
    const t = data.teachers[i];
    teacherRows.push({ cells: [value(t?.name ?? ''), value(t?.title ?? ''), value(t?.unit ?? ''), value(t?.phone ?? '')] });
  }
  const pageBreak = () => {
    addPage(doc);
    return TOP;
  };
  y = drawTable(doc, {
    x: MARGIN_X,
    y,
    columns: [90, 110, WIDTH - 90 - 110 - 110, 110],
    rows: teacherRows,
    minRowHeight: 28,
    headerRows: 1,
    bottom: BOTTOM,
    onPageBreak: pageBreak,
  });

  // The two opinion boxes.
  y = drawTable(doc, {
    x: MARGIN_X,
    y,
    columns: [WIDTH / 2, WIDTH / 2],
    rows: [
      {
        cells: [opinionBox('培训机构意见', data.institutionOpinion, '机构法人'), opinionBox('人社部门审核意见', data.bureauOpinion, '主管领导')],
        minHeight: 200,
      },
    ],
    padding: 8,
    bottom: BOTTOM,
    onPageBreak: pageBreak,
  });

  // 注 lines under the table.
  const notes = OPENING_APPLICATION_NOTES.map((t, i) => (i === 0 ? t : `　　${t}`)).join('\n');
  doc.fontSize(9.5);
  if (y + 8 + doc.heightOfString(notes, { width: WIDTH }) > BOTTOM) y = pageBreak() - 8;
  textAt(doc, notes, MARGIN_X, y + 8, WIDTH, { size: 9.5 });

  return finish();
}
