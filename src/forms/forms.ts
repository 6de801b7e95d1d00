/**
 * Input types of the printable forms (附件1 开班申请表, 附件2 学员登记表, 附件3 人员名册).
 *
 * Everything is display data: Chinese labels and strings exactly as they are to be printed. The caller maps the
 * project's codes (programme types, person groups, levels …) to labels, so this module depends on nothing else.
 * Dates are calendar dates 'YYYY-MM-DD' (birth month may be 'YYYY-MM'); an absent date prints as a blank
 * "年 月 日" to be filled in by hand.
 */

/** Options shared by every renderer. */
export interface RenderOptions {
  /** A TrueType/OpenType collection or font holding the CJK glyphs. Default: Debian fonts-noto-cjk. */
  fontPath?: string;
  /** PostScript name of the face inside a .ttc collection. Default: NotoSansCJKsc-Regular. */
  fontName?: string;
}

/** An opinion box (培训机构意见 / 人社部门审核意见): printed into the box when present. */
export interface Opinion {
  text: string;
  /** 经办人 */
  handledBy?: string;
  /** 机构法人 (institution box) or 主管领导 (bureau box) */
  approvedBy?: string;
  date?: string;
}

export interface Teacher {
  name: string;
  /** 职称 */
  title?: string;
  /** 单位 */
  unit?: string;
  phone?: string;
}

/** 附件1 职业技能培训开班申请表 */
export interface OpeningApplicationForm {
  institutionName: string;
  /** 培训种类, e.g. 就业技能培训 */
  programTypeName: string;
  /** 培训人数 */
  headcount: number;
  /** 培训职业(工种)或创业培训类别 */
  occupationName: string;
  /** 培训等级, e.g. 五级(初级工) */
  levelName: string;
  startDate: string;
  endDate: string;
  /** 培训地点 */
  venue: string;
  /** 培训课时, 其中 理论 / 技能 */
  lessons: { total: number; theory: number; practical: number };
  /** 师资情况: one row each; padded to at least 3 rows with empty ones. */
  teachers: Teacher[];
  institutionOpinion?: Opinion;
  bureauOpinion?: Opinion;
  /** The date under the title. */
  applicationDate: string;
}

/** 附件2 职业技能培训学员登记表: one person, one page. */
export interface TraineeRegistrationForm {
  name: string;
  /** 身份证号, whole or masked as the caller decides */
  idNumber: string;
  /** 性别, '男' / '女' */
  gender?: string;
  /** 民族 */
  ethnicity?: string;
  /** 出生年月, 'YYYY-MM' or 'YYYY-MM-DD' */
  birthMonth?: string;
  /** 文化程度 */
  education?: string;
  /** 原技术等级 */
  formerSkillLevel?: string;
  /** 原从事专业 */
  formerSpeciality?: string;
  /** 原工作单位 */
  formerEmployer?: string;
  /** 户籍地址; when absent the form's 市 县(市、区) 街道(乡镇) 社区(村) template is printed */
  householdAddress?: string;
  /** 联系方式 */
  phone?: string;
  /**
   * 人员类别 to tick, as printed labels (贫困家庭子女, 农村转移就业劳动者 …, see TRAINEE_GROUP_LABELS).
   * A label that is not on the form is added as an extra ticked box.
   */
  groups: string[];
  /** 就业创业证编码 */
  employmentCardNo?: string;
  /** 登记状态: 就业 / 失业 / 无状态 */
  employmentStatus?: 'employed' | 'unemployed' | 'none';
  /** 选择培训机构 */
  institutionName?: string;
  /** 选择培训专业或创业培训类别 */
  occupationName?: string;
  /** 培训专业等级: 1 一级(高级技师) … 5 五级(初级工), or 'other' (其他) */
  level?: 1 | 2 | 3 | 4 | 5 | 'other';
  /** Date printed beside 填表人签名 */
  signedDate?: string;
  /** 培训机构意见 (text and date; the stamp is applied by hand) */
  institutionOpinion?: { text?: string; date?: string };
}

export interface RosterEntry {
  name: string;
  gender?: string;
  /** 身份证号码, whole or masked as the caller decides */
  idNumber: string;
  education?: string;
  /** 人员类别 labels, joined with 、 */
  groups?: string[];
  phone?: string;
  /** 考核成绩, e.g. 86 or 合格 */
  score?: string | number;
  /** 证书编号 */
  certificateNo?: string;
}

/** 附件3 职业技能培训人员名册 (landscape, paginated, header repeated). */
export interface RosterForm {
  /** Default 职业技能培训人员名册 (e.g. 结业人员名册 for a completion roster). */
  title?: string;
  institutionName: string;
  occupationName: string;
  levelName: string;
  startDate: string;
  endDate: string;
  /** 班次 */
  className?: string;
  entries: RosterEntry[];
  /** 考核成绩 column: default shown when any entry has a score. */
  showScore?: boolean;
  /** 证书编号 column: default shown when any entry has a certificate number. */
  showCertificateNo?: boolean;
  /** 填表人 */
  preparedBy?: string;
  /** 日期 in the footer */
  date?: string;
}
