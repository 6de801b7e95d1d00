/**
 * The hand-written skeleton of the demo: names, institutions, evaluators, enterprises and equipment read like
 * the real thing; generate.ts draws the details from its rng.
 */
import type { SkillLevel } from '../registry/occupations.ts';
import type { InstitutionKind } from '../registry/institution.ts';
import type { CreditPrefix, InstitutionStatus, SeedKey } from './generate.ts';
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 70], ['李', 70], ['张', 65], ['刘', 55], ['陈', 45], ['杨', 35], ['赵', 30], ['黄', 25], ['周', 25],
  ['吴', 22], ['徐', 20], ['孙', 20], ['胡', 15], ['朱', 15], ['高', 15], ['林', 12], ['何', 12], ['郭', 15],
  ['马', 15], ['罗', 10], ['梁', 10], ['宋', 10], ['郑', 10], ['谢', 8], ['韩', 10], ['唐', 8], ['冯', 8],
  ['于', 8], ['董', 8], ['程', 6], ['曹', 6], ['袁', 6], ['邓', 6], ['许', 6], ['傅', 4], ['沈', 4], ['曾', 4],
  ['彭', 4], ['吕', 5], ['苏', 5], ['卢', 4], ['蒋', 4], ['蔡', 4], ['贾', 6], ['丁', 4], ['魏', 5], ['薛', 5],
  ['叶', 4], ['阎', 4], ['段', 4], ['雷', 3], ['侯', 4], ['武', 5], ['乔', 4], ['贺', 4], ['牛', 4], ['温', 4],
  ['田', 5], ['任', 5], ['姜', 4], ['范', 4], ['石', 4], ['崔', 4], ['秦', 3], ['史', 3], ['孟', 3], ['常', 3],
  ['欧阳', 1], ['司马', 1], ['上官', 1],
];
export const MALE_CHARS = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国文志永海东晓春成峰亮斌红兵晨阳';
export const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀英华慧巧美兰红玉萍婷雪琳颖倩洁佳欣悦梅燕琴丹莉璐晶桂荣凤云彤蕾月';
/** Rare characters real people carry (and smaller fonts lack): names must survive them end to end. */
export const RARE_MALE = ['堃', '喆', '赟', '䶮'];
export const RARE_FEMALE = ['玥', '喆'];

export interface InstitutionSpec {
  name: string;
  kind: InstitutionKind;
  county: string;
  status: InstitutionStatus;
  occupations: [string, SkillLevel[]][];
  /** A theory room below the 50 m² of wenshui 三(六), for the rectifying one. */
  smallTheoryRoom?: boolean;
}

export const INSTITUTIONS: Record<SeedKey, InstitutionSpec[]> = {
  yangquan: [
    { name: '阳泉市城区惠民职业培训学校', kind: 'private_school', county: '140302', status: 'listed',
      occupations: [['6-31-01-03', [5, 4, 3]], ['6-18-02-04', [5, 4]], ['4-10-01-05', [5, 4]], ['T-01-02', []], ['4-03-02-01', [5, 4]]] },
    { name: '阳泉市郊区技工学校', kind: 'technical_college', county: '140311', status: 'listed',
      occupations: [['6-18-01-01', [5, 4, 3]], ['6-31-01-02', [5, 4, 3]], ['6-29-03-03', [5, 4]], ['6-18-02-04', [5, 4, 3]], ['T-02-01', []]] },
    { name: '阳泉市盂县鑫达职业培训学校', kind: 'private_school', county: '140322', status: 'rectifying', smallTheoryRoom: true,
      occupations: [['4-10-01-06', [5, 4]], ['Z-14-001', []], ['4-03-02-01', [5]]] },
  ],
  xinzhou: [
    { name: '忻州市忻府区众诚职业培训学校', kind: 'private_school', county: '140902', status: 'listed',
      occupations: [['4-10-01-05', [5, 4, 3]], ['4-10-01-06', [5, 4]], ['4-03-02-02', [5, 4]], ['Z-14-001', []]] },
    { name: '原平市巧手家政职业培训学校', kind: 'private_school', county: '140981', status: 'applied',
      occupations: [['4-10-01-06', [5, 4]], ['4-10-01-02', [5, 4]]] },
    { name: '忻州市公共实训基地', kind: 'public_training_base', county: '140902', status: 'listed',
      occupations: [['6-31-01-03', [5, 4, 3]], ['5-05-03-02', [5, 4]], ['4-01-06-02', [5, 4]], ['4-02-07-08', [5]]] },
  ],
  wenshui: [
    { name: '文水县益民职业技能培训学校', kind: 'private_school', county: '141121', status: 'listed',
      occupations: [['4-03-02-02', [5, 4]], ['4-10-01-02', [5, 4]], ['5-01-02-03', [5, 4]], ['T-03-01', []]] },
    { name: '文水县公共实训基地', kind: 'public_training_base', county: '141121', status: 'listed',
      occupations: [['6-18-02-04', [5, 4, 3]], ['6-31-01-03', [5, 4]], ['4-01-02-02', [5, 4]]] },
  ],
  heze: [
    { name: '菏泽市牡丹区鲁西南职业培训学校', kind: 'private_school', county: '371702', status: 'listed',
      occupations: [['4-10-01-06', [5, 4]], ['4-10-01-02', [5, 4, 3]], ['6-05-01-03', [5, 4]], ['Z-37-001', []]] },
    { name: '曹县电商直播实训中心', kind: 'enterprise_center', county: '371721', status: 'suspended',
      occupations: [['4-01-02-02', [5, 4]], ['4-01-06-02', [5, 4]], ['Z-37-003', []], ['6-07-04-02', [5, 4]]] },
    { name: '菏泽鲁南职业技术学院', kind: 'vocational_college', county: '371703', status: 'listed',
      occupations: [['4-01-02-02', [5, 4, 3]], ['4-01-06-02', [5, 4, 3]], ['4-03-02-01', [5, 4, 3]], ['6-31-01-03', [5, 4, 3]]] },
  ],
  suihua: [
    { name: '绥化市北林区龙江职业培训学校', kind: 'private_school', county: '231202', status: 'listed',
      occupations: [['4-10-01-05', [5, 4, 3]], ['4-14-01-02', [5, 4]], ['Z-23-002', []], ['4-03-02-01', [5, 4]]] },
    { name: '肇东市寒地农业职业技术学校', kind: 'vocational_college', county: '231282', status: 'listed',
      occupations: [['5-05-03-02', [5, 4, 3]], ['5-05-01-01', [5, 4]], ['Z-23-001', []], ['5-03-02-01', [5, 4]], ['E-N1', []]] },
  ],
};

export const EVALUATORS: Record<SeedKey, { name: string; county: string; prefix: CreditPrefix }[]> = {
  yangquan: [
    { name: '阳泉市华晋职业技能评价有限公司', county: '140302', prefix: '91' },
    { name: '阳泉市矿区职业技能等级认定中心', county: '140303', prefix: '52' },
  ],
  xinzhou: [
    { name: '忻州市鑫鹏职业技能评价中心', county: '140902', prefix: '52' },
    { name: '原平市技能人才评价有限公司', county: '140981', prefix: '91' },
  ],
  wenshui: [
    { name: '吕梁市汾州技能评价服务有限公司', county: '141121', prefix: '91' },
    { name: '文水县职业技能等级认定站', county: '141121', prefix: '52' },
  ],
  heze: [
    { name: '菏泽市鲁匠职业技能评价有限公司', county: '371702', prefix: '91' },
    { name: '单县技能人才评价中心', county: '371722', prefix: '52' },
  ],
  suihua: [
    { name: '绥化市黑土地职业技能评价有限公司', county: '231202', prefix: '91' },
    { name: '安达市技能等级认定服务中心', county: '231281', prefix: '52' },
  ],
};

export interface EnterpriseSpec {
  name: string;
  county: string;
  hasTrainingCapacity: boolean;
  /** Index within the region's institutions (listed) and the institution's share in tenths. */
  delegate?: [number, number];
}

export const ENTERPRISES: Record<SeedKey, EnterpriseSpec[]> = {
  yangquan: [
    { name: '阳泉市华宇建筑安装工程有限公司', county: '140311', hasTrainingCapacity: false, delegate: [0, 3] },
    { name: '山西阳泉鑫盛煤机制造有限公司', county: '140303', hasTrainingCapacity: true },
    { name: '阳泉市康乐养老服务有限公司', county: '140302', hasTrainingCapacity: false, delegate: [0, 2] },
  ],
  xinzhou: [
    { name: '忻州市晋北家政服务有限公司', county: '140902', hasTrainingCapacity: false, delegate: [0, 3] },
    { name: '原平市丰源农机服务有限公司', county: '140981', hasTrainingCapacity: true },
  ],
  wenshui: [
    { name: '文水县鑫磊钢结构有限公司', county: '141121', hasTrainingCapacity: true },
    { name: '文水县汾河湾食品有限公司', county: '141121', hasTrainingCapacity: false, delegate: [0, 3] },
  ],
  heze: [
    { name: '曹县华韵演出服饰有限公司', county: '371721', hasTrainingCapacity: false, delegate: [0, 4] },
    { name: '菏泽市牡丹区丝路电子商务有限公司', county: '371702', hasTrainingCapacity: true },
    { name: '郓城县鲁西南木业有限公司', county: '371725', hasTrainingCapacity: true },
  ],
  suihua: [
    { name: '肇东市北大荒米业有限公司', county: '231282', hasTrainingCapacity: true },
    { name: '绥化市安康护理院有限公司', county: '231202', hasTrainingCapacity: false, delegate: [0, 3] },
  ],
};

export const EQUIPMENT: Record<string, string[]> = {
  '6-31-01-03': ['电工实训考核装置', '数字万用表', '兆欧表'],
  'T-01-02': ['低压电工作业实操考核装置', '绝缘安全用具套装'],
  '6-18-02-04': ['交直流弧焊机', 'CO2气体保护焊机', '焊接烟尘净化器'],
  'T-02-01': ['氧乙炔气割设备', '等离子切割机'],
  '4-10-01-05': ['多功能护理床', '轮椅', '老年护理模拟人'],
  '4-14-01-02': ['护理模拟人', '医用护理床'],
  '4-03-02-01': ['燃气炒灶', '冷藏工作台', '排烟净化设备'],
  '4-03-02-02': ['和面机', '醒发箱', '电烤箱'],
  'Z-14-001': ['和面机', '面食蒸柜'],
  '4-10-01-06': ['家政实训套装', '蒸汽清洁机'],
  '4-10-01-02': ['婴儿护理模型', '婴儿床'],
  'Z-23-002': ['新生儿护理模型', '婴儿沐浴台'],
  '6-18-01-01': ['普通车床', '数控车床'],
  '6-31-01-02': ['钳工工作台', '台式钻床'],
  '6-29-03-03': ['电梯安装维修实训装置'],
  '4-01-02-02': ['计算机', '网店运营实训软件'],
  '4-01-06-02': ['直播设备套装', '补光灯', '计算机'],
  'Z-37-003': ['摄像机', '视频剪辑工作站'],
  '4-02-07-08': ['快件分拣实训台', '手持终端'],
  '5-05-03-02': ['拖拉机', '农机故障诊断台'],
  '5-05-01-01': ['土壤养分速测仪', '植保无人机'],
  '5-01-02-03': ['日光温室实训棚', '水肥一体化设备'],
  'Z-23-001': ['水稻育秧盘', '播种流水线'],
  '5-03-02-01': ['兽用诊疗器械', '饲料粉碎机'],
  'E-N1': ['叉车'],
  'T-03-01': ['脚手架实训架', '全身式安全带'],
  '6-05-01-03': ['工业平缝机', '包缝机'],
  'Z-37-001': ['鲁锦织机'],
  '6-07-04-02': ['木工台锯', '木工刨床'],
};

export const STREETS = ['建设路', '人民路', '新华街', '解放路', '迎宾路', '朝阳路', '和平街', '文化路', '振兴路', '工业路', '光明路', '府前街'];

export const OTHER_EMPLOYERS = ['当地商贸有限公司', '县城建筑劳务有限公司', '物流配送有限公司', '餐饮管理有限公司', '物业服务有限公司'];

export const LEVEL_TITLE: Record<SkillLevel, string> = { 1: '一级/高级技师', 2: '二级/技师', 3: '三级/高级工', 4: '四级/中级工', 5: '五级/初级工' };
