import type { ComponentType } from 'react';
import {
  AlertOutlined, AuditOutlined, BankOutlined, CalculatorOutlined, FileExcelOutlined, FileSearchOutlined, FundProjectionScreenOutlined, HomeOutlined,
  PlusCircleOutlined, ReadOutlined, SafetyCertificateOutlined, TeamOutlined, UserAddOutlined, WalletOutlined,
} from '@ant-design/icons';
import type { Me, Role } from './types.ts';

/**
 * Who may do what in the web app: a mirror of the server's policies (the server decides; this only hides
 * what would be refused). One table of abilities, and one table of menu entries that refer to them.
 */
const BUREAU: Role[] = ['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector'];
const STAFF: Role[] = [...BUREAU, 'institution', 'evaluator', 'enterprise'];

export const ABILITIES = {
  'institution.list': [...BUREAU, 'evaluator', 'enterprise', 'trainee'],
  'institution.own': ['institution'],
  'institution.create': ['city_admin'],
  'institution.update': ['city_admin'],
  'person.list': [...BUREAU, 'institution'],
  'person.create': ['city_admin', 'county_admin', 'institution'],
  'person.update': ['city_admin', 'county_admin', 'institution'],
  'person.import': ['city_admin', 'county_admin', 'institution'],
  'person.export': ['city_admin', 'county_admin', 'reviewer', 'institution'],
  'person.identityCheck': ['city_admin', 'county_admin', 'reviewer', 'institution'],
  /** 显示: the whole ID number or phone on request (audited by the server). */
  'person.reveal': ['city_admin', 'county_admin', 'reviewer', 'institution', 'trainee'],
  /** Choose the county a person is registered in (an institution's persons belong to its county). */
  'person.chooseRegion': ['city_admin'],
  /** The review queues of the bureau workbench (county: openings and completions; city: order/project openings). */
  'cohort.queue': ['county_admin', 'city_admin'],
  /** All cohorts in scope (an institution its own, an evaluator those assigned to it). */
  'cohort.list': [...BUREAU, 'enterprise'],
  'cohort.own': ['institution'],
  'cohort.evaluate': ['evaluator'],
  'cohort.create': ['institution'],
  'cohort.assignEvaluator': ['county_admin', 'city_admin'],
  'policy.list': STAFF,
  'subsidy.calc': STAFF,
  /** The 电子券 page: the vouchers in scope, with the loop's actions each role may fire. */
  'voucher.list': ['city_admin', 'county_admin', 'finance', 'institution'],
  /** 投诉举报: the bureau's complaints (assigned by 市/县人社局, answered by the assignee). */
  'complaint.list': ['city_admin', 'county_admin', 'reviewer', 'inspector'],
  /** 抽查检查: draws and records for the bureau; an institution its published results and objections. */
  'inspection.list': ['city_admin', 'county_admin', 'reviewer', 'inspector', 'institution'],
  'voucher.apply': ['city_admin', 'county_admin', 'institution'],
  'voucher.own': ['trainee'],
  'certificate.own': ['trainee'],
} satisfies Record<string, Role[]>;
export type Ability = keyof typeof ABILITIES;

export const can = (me: Pick<Me, 'role'> | null | undefined, ability: Ability): boolean =>
  !!me && (ABILITIES[ability] as readonly Role[]).includes(me.role);

export interface MenuEntry {
  key: string;
  /** i18n key of the label */
  label: string;
  icon: ComponentType;
  /** Shown to the roles that have this ability. */
  ability: Ability;
  /** Where it leads; may depend on the account (an institution's own page). */
  path: (me: Me) => string;
}

/** The side menu, in order. An entry appears only for the roles its ability names. */
export const MENU: MenuEntry[] = [
  { key: 'workbench', label: 'menu.workbench', icon: AuditOutlined, ability: 'cohort.queue', path: () => '/workbench' },
  { key: 'cohorts', label: 'menu.cohorts', icon: ReadOutlined, ability: 'cohort.list', path: () => '/cohorts' },
  { key: 'my-cohorts', label: 'menu.myCohorts', icon: ReadOutlined, ability: 'cohort.own', path: () => '/cohorts' },
  { key: 'cohort-new', label: 'menu.cohortNew', icon: PlusCircleOutlined, ability: 'cohort.create', path: () => '/cohorts/new' },
  { key: 'evaluations', label: 'menu.evaluations', icon: FileSearchOutlined, ability: 'cohort.evaluate', path: () => '/cohorts' },
  { key: 'vouchers', label: 'menu.vouchers', icon: WalletOutlined, ability: 'voucher.list', path: () => '/vouchers' },
  { key: 'inspections', label: 'menu.inspections', icon: FileSearchOutlined, ability: 'inspection.list', path: () => '/inspections' },
  { key: 'complaints', label: 'menu.complaints', icon: AlertOutlined, ability: 'complaint.list', path: () => '/complaints' },
  { key: 'my-vouchers', label: 'menu.myVouchers', icon: WalletOutlined, ability: 'voucher.own', path: () => '/my/vouchers' },
  { key: 'my-certificates', label: 'menu.myCertificates', icon: SafetyCertificateOutlined, ability: 'certificate.own', path: () => '/my/certificates' },
  { key: 'institutions', label: 'menu.institutions', icon: BankOutlined, ability: 'institution.list', path: () => '/institutions' },
  { key: 'my-institution', label: 'menu.myInstitution', icon: HomeOutlined, ability: 'institution.own', path: (me) => `/institutions/${me.institutionId}` },
  { key: 'institution-new', label: 'menu.institutionNew', icon: PlusCircleOutlined, ability: 'institution.create', path: () => '/institutions/new' },
  { key: 'persons', label: 'menu.persons', icon: TeamOutlined, ability: 'person.list', path: () => '/persons' },
  { key: 'person-new', label: 'menu.personNew', icon: UserAddOutlined, ability: 'person.create', path: () => '/persons/new' },
  { key: 'person-import', label: 'menu.personImport', icon: FileExcelOutlined, ability: 'person.import', path: () => '/persons/import' },
  { key: 'policies', label: 'menu.policies', icon: FundProjectionScreenOutlined, ability: 'policy.list', path: () => '/policies' },
  { key: 'subsidy-calc', label: 'menu.subsidyCalc', icon: CalculatorOutlined, ability: 'subsidy.calc', path: () => '/subsidy/calc' },
];

export const menuFor = (me: Me) => MENU.filter((m) => can(me, m.ability) && !(m.key === 'my-institution' && !me.institutionId));

/** The page an account lands on after signing in. */
export const homeOf = (me: Me) => menuFor(me)[0]?.path(me) ?? '/';
