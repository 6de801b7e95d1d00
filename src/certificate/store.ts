import type { Queryable } from '../db/db.ts';
import type { Actor } from '../auth/auth.ts';
import { cohortScope } from '../cohort/store.ts';
import { certificateNumber, type CertificatePrefix } from './certificate.ts';

export interface Certificate {
  number: string;
  cityCode: string;
  cohortId: string;
  cohortName: string;
  personId: string;
  holderName: string;
  idNumber: string;
  institutionId: string;
  institutionName: string;
  occupationCode: string;
  occupationName: string;
  level: number;
  issuedOn: string;
}

const SELECT = `SELECT cert.*, c.name AS cohort_name, p.name AS holder_name, p.id_number, i.name AS institution_name, o.name AS occupation_name
  FROM certificate cert JOIN cohort c ON c.city_code = cert.city_code AND c.id = cert.cohort_id
  JOIN person p ON p.id = cert.person_id JOIN institution i ON i.id = cert.institution_id JOIN occupation o ON o.code = cert.occupation_code`;

const toCertificate = (r: any): Certificate => ({
  number: r.number, cityCode: r.city_code, cohortId: r.cohort_id, cohortName: r.cohort_name, personId: r.person_id, holderName: r.holder_name,
  idNumber: r.id_number, institutionId: r.institution_id, institutionName: r.institution_name, occupationCode: r.occupation_code,
  occupationName: r.occupation_name, level: r.level, issuedOn: r.issued_on,
});

/**
 * Issues numbered certificates to these persons in the caller's transaction. The counter row is locked for
 * the rest of the transaction, so concurrent issuers take turns and a rolled-back issue returns its numbers:
 * numbers stay unique and gap-free.
 */
export async function issueCertificates(
  tx: Queryable,
  cohort: { cityCode: string; id: string; regionCode: string; institutionId: string; occupationCode: string; level: number },
  personIds: string[],
  prefix: CertificatePrefix,
  issuedOn: string,
): Promise<string[]> {
  if (!personIds.length) return [];
  const year = Number(issuedOn.slice(0, 4));
  await tx.query(`INSERT INTO certificate_sequence (city_code, region_code, year, last_seq) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`, [cohort.cityCode, cohort.regionCode, year]);
  const { rows } = await tx.query(
    `UPDATE certificate_sequence SET last_seq = last_seq + $4 WHERE city_code = $1 AND region_code = $2 AND year = $3 RETURNING last_seq`,
    [cohort.cityCode, cohort.regionCode, year, personIds.length],
  );
  const first = rows[0].last_seq - personIds.length + 1;
  const numbers = personIds.map((_, i) => certificateNumber(prefix, cohort.cityCode, cohort.regionCode, year, first + i));
  await tx.query(
    `INSERT INTO certificate (city_code, number, cohort_id, person_id, institution_id, occupation_code, level, issued_on, year, seq, region_code)
     SELECT $1, n, $2, p, $3, $4, $5, $6, $7, s, $11 FROM unnest($8::text[], $9::uuid[], $10::int[]) AS t(n, p, s)`,
    [cohort.cityCode, cohort.id, cohort.institutionId, cohort.occupationCode, cohort.level, issuedOn, year, numbers, personIds, personIds.map((_, i) => first + i), cohort.regionCode],
  );
  return numbers;
}

export async function listCertificates(db: Queryable, actor: Actor, f: { cohortId?: string; personId?: string; page: number; pageSize: number }) {
  const params: unknown[] = [];
  const where = [actor.role === 'trainee' ? `cert.person_id = $${params.push(actor.personId)}` : cohortScope(actor, params)];
  if (f.cohortId) where.push(`cert.cohort_id = $${params.push(f.cohortId)}`);
  if (f.personId) where.push(`cert.person_id = $${params.push(f.personId)}`);
  const cond = where.join(' AND ');
  const { rows: [{ total }] } = await db.query(`SELECT count(*)::int AS total FROM certificate cert JOIN cohort c ON c.city_code = cert.city_code AND c.id = cert.cohort_id WHERE ${cond}`, params);
  const { rows } = await db.query(`${SELECT} WHERE ${cond} ORDER BY cert.year DESC, cert.number LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`, params);
  return { items: rows.map(toCertificate), total: total as number };
}

/** The certificate of this number; numbers name one certificate in the whole system (migration 007). */
export async function findCertificate(db: Queryable, number: string): Promise<Certificate | undefined> {
  const { rows } = await db.query(`${SELECT} WHERE cert.number = $1`, [number]);
  return rows[0] ? toCertificate(rows[0]) : undefined;
}
