/** 附件2 职业技能培训学员登记表 (suihua seed): one A4 page per person. */
import type { RenderOptions, TraineeRegistrationForm } from './forms.ts';
import { A4, addPage, BLANK_DATE, createDocument, formatDate, formatMonth, textAt } from './pdf.ts';
import { checkboxes, drawTable, topAndBottom, type CheckItem, type Cell, type Row } from './table.ts';

export const TRAINEE_REGISTRATION_TITLE = '职业技能培训学员登记表';

/** 人员类别 as printed on the form, in reading order (two columns, row by row). */
export const TRAINEE_GROUP_LABELS = [
  '贫困家庭子女',
  '贫困劳动力',
  '城乡未继续升学初高中毕业生',
  '农村转移就业劳动者',
  '下岗失业人员',
  '转岗职工',
  '退役军人',
  '毕业年度高校毕业生',
  '距刑满释放不足一年的服刑人员',
  '戒毒人员',
  '残疾人',
] as const;

export const EMPLOYMENT_STATUS_LABELS = { employed: '就业', unemployed: '失业', none: '无状态' } as const;

export const TRAINING_LEVEL_LABELS = {
  1: '一级(高级技师)',
  2: '二级(技师)',
  3: '三级(高级工)',
  4: '四级(中级工)',
  5: '五级(初级工)',
  other: '其他',
} as const;

export const TRAINEE_REGISTRATION_NOTES = [
  '注：1、此表需本人填写，后附培训学员相关证明材料；',
  '2、人员类别填写贫困家庭子女、农村转移就业劳动者、城镇登记失业人员和毕业年度高校毕业生等；',
  '3、创业培训类别是指创业意识培训、创办企业培训、改善企业培训、网络创业培训和创业实训等。',
];

const ADDRESS_TEMPLATE = '              市              县（市、区）              街道（乡镇）              社区（村）';

/** The check boxes of one person's page: which are ticked. Labels not on the form are added, ticked. */
export function registrationCheckboxes(p: TraineeRegistrationForm): {
  groups: CheckItem[];
  employmentStatus: CheckItem[];
  level: CheckItem[];
} {
  const wanted = new Set(p.groups.map((g) => g.trim()).filter(Boolean));
  const known = new Set<string>(TRAINEE_GROUP_LABELS);
  const groups: CheckItem[] = [
    ...TRAINEE_GROUP_LABELS.map((label) => ({ label, checked: wanted.has(label) })),
    ...[...wanted].filter((g) => !known.has(g)).map((label) => ({ label, checked: true })),
  ];
  const employmentStatus = (Object.keys(EMPLOYMENT_STATUS_LABELS) as Array<keyof typeof EMPLOYMENT_STATUS_LABELS>).map((k) => ({
    label: EMPLOYMENT_STATUS_LABELS[k],
    checked: p.employmentStatus === k,
  }));
  const level = ([1, 2, 3, 4, 5, 'other'] as const).map((k) => ({ label: TRAINING_LEVEL_LABELS[k], checked: p.level === k }));
  return { groups, employmentStatus, level };
}

const MARGIN_X = 50;
const TOP = 48;
const WIDTH = A4.width - 2 * MARGIN_X;
// 姓名 | value | 身份证号 … | photo
const COLS = [86, 72, 66, 56, 64, 66, WIDTH - 86 - 72 - 66 - 56 - 64 - 66];

const label = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
const value = (text: string | undefined, extra: Partial<Cell> = {}): Cell => ({ text: text ?? '', ...extra });

function page(doc: PDFKit.PDFDocument, p: TraineeRegistrationForm): void {
  let y = textAt(doc, TRAINEE_REGISTRATION_TITLE, MARGIN_X, TOP, WIDTH, { size: 18, align: 'center' }) + 16;
  const boxes = registrationCheckboxes(p);
  const rows: Row[] = [
    {
      cells: [
        label('姓名'),
        value(p.name),
        label('身份证号'),
        value(p.idNumber, { colSpan: 3 }),
        { text: '（一寸免冠\n彩色照片）', rowSpan: 3, color: '#666666', fontSize: 9.5 },
      ],
    },
    {
      cells: [label('性别'), value(p.gender), label('民族'), value(p.ethnicity), label('出生年月'), value(formatMonth(p.birthMonth))],
    },
    { cells: [label('文化程度'), value(p.education), label('原技术等级'), value(p.formerSkillLevel, { colSpan: 3 })] },
    { cells: [label('原从事专业'), value(p.formerSpeciality, { colSpan: 3 }), label('原工作单位'), value(p.formerEmployer, { colSpan: 2 })] },
    {
      cells: [
        label('户籍地址'),
        p.householdAddress ? value(p.householdAddress, { colSpan: 6 }) : value(ADDRESS_TEMPLATE, { colSpan: 6, align: 'left' }),
      ],
    },
    { cells: [label('联系方式'), value(p.phone, { colSpan: 6 })] },
    { cells: [label('人员类别'), { content: checkboxes(boxes.groups, 2), colSpan: 6 }] },
    {
      cells: [
        label('就业创业证编码'),
        value(p.employmentCardNo, { colSpan: 2 }),
        label('登记状态'),
        { content: checkboxes(boxes.employmentStatus, 3), colSpan: 3 },
      ],
    },
    { cells: [label('选择培训机构'), value(p.institutionName, { colSpan: 6 })] },
    {
      cells: [
        label('选择培训专业或创业培训类别'),
        value(p.occupationName, { colSpan: 2 }),
        label('培训专业等级'),
        { content: checkboxes(boxes.level, 2), colSpan: 3 },
      ],
    },
    {
      cells: [
        label('申请确认'),
        {
          colSpan: 6,
          content: topAndBottom(
            [{ text: '以上内容真实准确，若与实际不符，愿承担相关法律责任。' }],
            [{ text: `填表人签名：________________    ${p.signedDate ? formatDate(p.signedDate, 'signedDate') : BLANK_DATE}`, align: 'right' }],
            22,
          ),
        },
      ],
      minHeight: 74,
    },
    {
      cells: [
        label('培训机构意见'),
        {
          colSpan: 6,
          content: topAndBottom(
            p.institutionOpinion?.text ? [{ text: p.institutionOpinion.text }] : [],
            [{ text: '（盖章）', align: 'right' }, { text: formatDate(p.institutionOpinion?.date, 'institutionOpinion.date'), align: 'right', gap: 6 }],
            22,
          ),
        },
      ],
      minHeight: 96,
    },
  ];
  y = drawTable(doc, { x: MARGIN_X, y, columns: COLS, rows, minRowHeight: 32, padding: 5 });
  const notes = TRAINEE_REGISTRATION_NOTES.map((t, i) => (i === 0 ? t : `　　${t}`)).join('\n');
  textAt(doc, notes, MARGIN_X, y + 8, WIDTH, { size: 9.5 });
}

/** One page per person, in the order given. */
export async function traineeRegistrationPdf(
  data: TraineeRegistrationForm | TraineeRegistrationForm[],
  options: RenderOptions = {},
): Promise<Buffer> {
  const people = Array.isArray(data) ? data : [data];
  if (people.length === 0) throw new Error('traineeRegistrationPdf: no person to print');
  people.forEach((p, i) => {
    try {
      formatMonth(p.birthMonth);
      formatDate(p.signedDate, 'signedDate');
      formatDate(p.institutionOpinion?.date, 'institutionOpinion.date');
    } catch (e) {
      throw new Error(`person ${i + 1} (${p.name}): ${(e as Error).message}`);
    }
  });
  const date = people.find((p) => p.signedDate)?.signedDate;
  const title = people.length === 1 ? `${TRAINEE_REGISTRATION_TITLE} ${people[0].name}` : TRAINEE_REGISTRATION_TITLE;
  const { doc, finish } = createDocument({ ...options, title, date });
  people.forEach((p, i) => {
    if (i > 0) addPage(doc);
    page(doc, p);
  });
  return finish();
}
