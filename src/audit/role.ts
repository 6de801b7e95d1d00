import type { Queryable } from '../db/db.ts';
import { invalid } from '../shared/errors.ts';

/**
 * On PostgreSQL the application should connect as a role that owns nothing: it reads and writes the tables, appends
 * to the audit log, moves the chain heads, and can never UPDATE, DELETE or TRUNCATE an audit row. Run once by the
 * owner (`peixun audit restrict-role ROLE`) after the migrations, and again after migrations that add tables.
 */
export async function restrictAppRole(db: Queryable, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw invalid('role', 'role: a PostgreSQL role name in lower case (letters, digits, _)');
  const { rows: [{ schema }] } = await db.query(`SELECT current_schema() AS schema`);
  await db.exec(`
    GRANT USAGE ON SCHEMA "${schema}" TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role};
    REVOKE DELETE, TRUNCATE ON audit_chain_head FROM ${role};`);
}
