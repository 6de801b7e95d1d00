import { AppError } from '../shared/errors.ts';

export const ROLES = ['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'evaluator', 'enterprise', 'trainee', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市人社局', county_admin: '县(市、区)人社局', reviewer: '经办人', finance: '财政局', inspector: '监督检查',
  institution: '培训机构', evaluator: '评价机构', enterprise: '企业', trainee: '学员',
  system_admin: '系统管理员',
};

/**
 * Bureau roles are scoped by region; the others by the organisation (or person) they belong to. `system_admin`
 * keeps what belongs to no city (the working-day calendar) and, belonging to none, sees no city's data.
 */
export const BUREAU_ROLES: readonly Role[] = ['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector'];

/** The signed-in account as every rule and store sees it. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string; // the account's region: a city (xx xx 00) or a county
  cityCode: string;
  institutionId: string | null;
  evaluatorId: string | null;
  enterpriseId: string | null;
  personId: string | null;
}

export const isBureau = (a: Actor) => BUREAU_ROLES.includes(a.role);
export const isCityLevel = (a: Actor) => a.regionCode === a.cityCode;

/** The system itself (demo loader, CLI): audited under this name. */
export const SYSTEM_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000000', username: 'system', displayName: '系统', role: 'city_admin',
  regionCode: '000000', cityCode: '000000', institutionId: null, evaluatorId: null, enterpriseId: null, personId: null,
};

/**
 * Who may do what, declared as data per domain: `allow(roles, action, condition?)`. A condition sees the
 * actor and the resource (already loaded, already within the actor's data scope or not).
 */
export interface Permission<R> {
  roles: readonly Role[];
  action: string;
  when?: (actor: Actor, resource: R) => boolean;
}

export const allow = <R = unknown>(roles: Role | readonly Role[], action: string, when?: (actor: Actor, resource: R) => boolean): Permission<R> => ({
  roles: typeof roles === 'string' ? [roles] : roles,
  action,
  when,
});

export function can<R>(table: readonly Permission<R>[], actor: Actor, action: string, resource?: R): boolean {
  return table.some((p) => p.action === action && p.roles.includes(actor.role) && (!p.when || p.when(actor, resource as R)));
}

export function authorize<R>(table: readonly Permission<R>[], actor: Actor, action: string, resource?: R): void {
  if (!can(table, actor, action, resource)) {
    throw new AppError('forbidden', `role ${actor.role} may not ${action}`, { action, role: actor.role });
  }
}

/** Does a region (county or city code) fall within the actor's region? A city account sees its counties. */
export const regionInScope = (actor: Actor, regionCode: string, cityCode: string) =>
  isCityLevel(actor) ? cityCode === actor.cityCode : regionCode === actor.regionCode;

// Session and login rules (issue: 30 minutes idle, 12 hours in all; lockout after repeated failures).
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3600_000;
export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

export function sessionAlive(s: { createdAt: Date; lastSeenAt: Date }, now: Date): boolean {
  const t = now.getTime();
  return t - s.lastSeenAt.getTime() < SESSION_IDLE_MS && t - s.createdAt.getTime() < SESSION_MAX_MS;
}
