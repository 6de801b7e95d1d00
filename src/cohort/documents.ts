import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../auth/auth.ts';
import { authorize } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { displayNameSql } from '../auth/store.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { ALLOWED_UPLOAD_TYPES, cohortPolicy, DOCUMENT_KINDS, MAX_UPLOAD_BYTES, type DocumentKind } from './cohort.ts';
import { visibleCohort } from './service.ts';
import * as store from './store.ts';

/** The first bytes each accepted type must start with: a renamed file of another type is refused. */
const MAGIC: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [0x50, 0x4b, 0x03, 0x04],
};

export function checkUpload(filename: string, contentType: string, bytes: Buffer) {
  const ext = ALLOWED_UPLOAD_TYPES[contentType];
  if (!ext) throw invalid('file', `不接受 ${contentType} 类型的文件（可上传 PDF、JPG、PNG、DOCX、XLSX）`);
  if (!filename.toLowerCase().endsWith(ext) && !(ext === '.jpg' && filename.toLowerCase().endsWith('.jpeg'))) {
    throw invalid('file', `文件名 ${filename} 与类型 ${contentType} 不符`);
  }
  if (bytes.length === 0) throw invalid('file', '文件为空');
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid('file', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  if (!MAGIC[contentType].every((b, i) => bytes[i] === b)) throw invalid('file', `文件内容不是 ${ext} 格式`);
}

/** Where the embedded store keeps file bytes: named by their sha256, so a file is stored once. */
const fileOnDisk = (dataDir: string, sha256: string) => path.join(dataDir, 'files', sha256.slice(0, 2), sha256);

export async function uploadDocument(ctx: AppContext, actor: Actor, cohortId: string, kind: string, file: { filename: string; mimetype: string; bytes: Buffer }) {
  if (!Object.hasOwn(DOCUMENT_KINDS, kind)) throw invalid('kind', `未知的材料类别 ${kind}（可选：${Object.keys(DOCUMENT_KINDS).join('、')}）`);
  const visible = await visibleCohort(ctx, actor, cohortId);
  authorize(cohortPolicy, actor, 'upload', visible);
  checkUpload(file.filename, file.mimetype, file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // The bytes go to disk before the row that names them; if the row is not written, a file we created is removed.
  const target = ctx.dataDir ? fileOnDisk(ctx.dataDir, sha256) : null;
  const created = target !== null && !fs.existsSync(target);
  if (created) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.tmp`, file.bytes);
    fs.renameSync(`${target}.tmp`, target); // whole file or none
  }
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const c = await store.lockCohort(tx, visible.cityCode, cohortId);
      authorize(cohortPolicy, actor, 'upload', c);
      const { rows } = await tx.query(
        `INSERT INTO cohort_document (city_code, cohort_id, kind, filename, content_type, size, sha256, content, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [c.cityCode, c.id, kind, file.filename, file.mimetype, file.bytes.length, sha256, ctx.dataDir ? null : file.bytes, actor.username, now],
      );
      const doc = { id: rows[0].id as string, kind: kind as DocumentKind, filename: file.filename, contentType: file.mimetype, size: file.bytes.length, sha256 };
      await appendAudit(tx, { at: now, actorId: actor.accountId, actor: actor.username, action: 'cohort.document_upload', entity: 'cohort', entityId: c.id, cityCode: c.cityCode, after: doc });
      return doc;
    });
  } catch (e) {
    if (created) fs.rmSync(target, { force: true });
    throw e;
  }
}

export async function listDocuments(ctx: AppContext, c: store.Cohort) {
  const { rows } = await ctx.db.query(
    `SELECT id, kind, filename, content_type AS "contentType", size, sha256, uploaded_by AS "uploadedBy",
            ${displayNameSql('uploaded_by')} AS "uploadedByName", uploaded_at AS "uploadedAt"
       FROM cohort_document WHERE city_code = $1 AND cohort_id = $2 ORDER BY uploaded_at`, [c.cityCode, c.id]);
  return rows;
}

/** The bytes, checked against the recorded sha256 so that a file altered on disk is noticed. */
export async function readDocument(ctx: AppContext, c: store.Cohort, documentId: string) {
  const { rows } = await ctx.db.query(`SELECT * FROM cohort_document WHERE city_code = $1 AND cohort_id = $2 AND id = $3`, [c.cityCode, c.id, documentId]);
  const d = rows[0];
  if (!d) throw notFound('document');
  const bytes: Buffer = d.content ? Buffer.from(d.content) : fs.readFileSync(fileOnDisk(ctx.dataDir!, d.sha256));
  const intact = createHash('sha256').update(bytes).digest('hex') === d.sha256;
  return { filename: d.filename as string, contentType: d.content_type as string, bytes, intact };
}
