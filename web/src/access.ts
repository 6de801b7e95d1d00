import type { ComponentType } from 'react';
import { BankOutlined, FileExcelOutlined, HomeOutlined, PlusCircleOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Me, Role } from './types.ts';

/**
 * Who may do what in the web app: a mirror of the server's policies (the server decides; this only hides
 * what would be refused). One table of abilities, and one table of menu entries that refer to them.
 */
const BUREAU: Role[] = ['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector'];

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
  /** Choose the county a person is registered in (an institution's persons belong to its county). */
  'person.chooseRegion': ['city_admin'],
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
  { key: 'institutions', label: 'menu.institutions', icon: BankOutlined, ability: 'institution.list', path: () => '/institutions' },
  { key: 'my-institution', label: 'menu.myInstitution', icon: HomeOutlined, ability: 'institution.own', path: (me) => `/institutions/${me.institutionId}` },
  { key: 'institution-new', label: 'menu.institutionNew', icon: PlusCircleOutlined, ability: 'institution.create', path: () => '/institutions/new' },
  { key: 'persons', label: 'menu.persons', icon: TeamOutlined, ability: 'person.list', path: () => '/persons' },
  { key: 'person-new', label: 'menu.personNew', icon: UserAddOutlined, ability: 'person.create', path: () => '/persons/new' },
  { key: 'person-import', label: 'menu.personImport', icon: FileExcelOutlined, ability: 'person.import', path: () => '/persons/import' },
];

export const menuFor = (me: Me) => MENU.filter((m) => can(me, m.ability) && !(m.key === 'my-institution' && !me.institutionId));

/** The page an account lands on after signing in. */
export const homeOf = (me: Me) => menuFor(me)[0]?.path(me) ?? '/';
