import { createHash, randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { Queryable } from '../db/db.ts';
import { SYSTEM_ACTOR, type Actor, type Role } from './auth.ts';

// OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane), set explicitly rather than trusting defaults.
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);
let dummy: Promise<string> | undefined;
/** A hash of no one's password: verified against when the account is unknown, so that it costs the same time. */
export const dummyPasswordHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));
export const checkPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** 256 random bits; only its sha256 is stored, so a leaked session table opens no session. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  display_name: string;
  region_code: string;
  institution_id: string | null;
  evaluator_id: string | null;
  enterprise_id: string | null;
  person_id: string | null;
  failed_logins: number;
  locked_until: string | null;
}

export const cityOfRegion = (code: string) => `${code.slice(0, 4)}00`;

/**
 * SQL for the name a page shows for whoever a row records by login name (events, uploads, parameters store the
 * username, which pages never show): the account's display name, 系统 for the system's own steps, null for an
 * account no longer there. `usernameSql` is a column or expression of the caller's query.
 */
export const displayNameSql = (usernameSql: string) =>
  `(CASE WHEN ${usernameSql} = '${SYSTEM_ACTOR.username}' THEN '${SYSTEM_ACTOR.displayName}' ELSE (SELECT a.display_name FROM account a WHERE a.username = ${usernameSql}) END)`;

export const toActor = (a: AccountRow): Actor => ({
  accountId: a.id,
  username: a.username,
  displayName: a.display_name,
  role: a.role,
  regionCode: a.region_code,
  cityCode: cityOfRegion(a.region_code),
  institutionId: a.institution_id,
  evaluatorId: a.evaluator_id,
  enterpriseId: a.enterprise_id,
  personId: a.person_id,
});

export async function findAccountByUsername(db: Queryable, username: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>(`SELECT * FROM account WHERE username = $1`, [username]);
  return rows[0];
}

export interface NewAccount {
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string;
  regionCode: string;
  institutionId?: string | null;
  evaluatorId?: string | null;
  enterpriseId?: string | null;
  personId?: string | null;
}

export async function insertAccount(tx: Queryable, a: NewAccount, now: Date): Promise<AccountRow> {
  const { rows } = await tx.query<AccountRow>(
    `INSERT INTO account (username, password_hash, role, display_name, region_code, institution_id, evaluator_id,
       enterprise_id, person_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [a.username, a.passwordHash, a.role, a.displayName, a.regionCode, a.institutionId ?? null, a.evaluatorId ?? null,
      a.enterpriseId ?? null, a.personId ?? null, now],
  );
  return rows[0];
}

export async function recordLoginFailure(tx: Queryable, accountId: string, lockAfter: number, lockUntil: Date) {
  const { rows } = await tx.query<{ failed_logins: number; locked_until: string | null }>(
    `UPDATE account SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1 RETURNING failed_logins, locked_until`,
    [accountId, lockAfter, lockUntil],
  );
  return rows[0];
}

export async function resetLoginFailures(tx: Queryable, accountId: string) {
  await tx.query(`UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [accountId]);
}

export async function insertSession(tx: Queryable, hashOfToken: string, accountId: string, now: Date, expiresAt: Date) {
  await tx.query(
    `INSERT INTO session (token_hash, account_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)`,
    [hashOfToken, accountId, now, expiresAt],
  );
}

export async function findSession(db: Queryable, hashOfToken: string) {
  const { rows } = await db.query(
    `SELECT s.created_at AS session_created_at, s.last_seen_at, a.*
       FROM session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = $1`,
    [hashOfToken],
  );
  return rows[0] as (AccountRow & { session_created_at: string; last_seen_at: string }) | undefined;
}

export async function touchSession(db: Queryable, hashOfToken: string, now: Date) {
  await db.query(`UPDATE session SET last_seen_at = $2 WHERE token_hash = $1`, [hashOfToken, now]);
}

export async function deleteSession(db: Queryable, hashOfToken: string) {
  await db.query(`DELETE FROM session WHERE token_hash = $1`, [hashOfToken]);
}

/** The name of the organisation (or person) an account belongs to, for headers and forms. */
export async function orgNameOf(db: Queryable, a: Actor): Promise<string | null> {
  const [table, id] = a.institutionId ? ['institution', a.institutionId] : a.evaluatorId ? ['evaluator', a.evaluatorId]
    : a.enterpriseId ? ['enterprise', a.enterpriseId] : a.personId ? ['person', a.personId] : [null, null];
  if (!table) return null;
  const { rows } = await db.query(`SELECT name FROM ${table} WHERE id = $1`, [id]);
  return rows[0]?.name ?? null;
}

/** An account of one of `roles` in the city (the officer a body names, e.g. a complaint's assignee), or undefined. */
export async function officerOfCity(db: Queryable, accountId: string, cityCode: string, roles: readonly string[]) {
  const { rows } = await db.query(`SELECT id, region_code FROM account WHERE id = $1 AND role = ANY ($2::text[])`, [accountId, roles]);
  return rows[0] && cityOfRegion(rows[0].region_code) === cityCode ? (rows[0].id as string) : undefined;
}

/** The accounts of `roles` in a city and its counties, by name (at most a few hundred in a city). */
export async function officersOfCity(db: Queryable, cityCode: string, roles: readonly string[]) {
  const { rows } = await db.query(
    `SELECT id, display_name, role FROM account WHERE role = ANY ($1::text[]) AND left(region_code, 4) = left($2, 4) ORDER BY role, display_name LIMIT 500`,
    [roles, cityCode]);
  return rows.map((r) => ({ id: r.id as string, name: r.display_name as string, role: r.role as string }));
}
