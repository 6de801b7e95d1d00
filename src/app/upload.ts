import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../shared/errors.ts';
import { findBadValue } from './hardening.ts';

/** The largest file any upload route accepts; larger ones are refused whole (413), never cut short. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export interface Upload {
  filename: string;
  mimetype: string;
  bytes: Buffer;
  /** The text fields sent before the file. */
  fields: Record<string, string>;
}

const tooLarge = () => new AppError('payload_too_large', `file: 文件超过 ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`, { field: 'file', limitBytes: UPLOAD_LIMIT_BYTES });

/**
 * Reads the one file of a multipart request wholly into memory, or refuses: no file → 400, a body cut short or
 * malformed → 400, a file above the limit → 413. Nothing is stored before this returns.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw invalid('file', '请以 multipart/form-data 上传文件（字段 file）');
  let file;
  try {
    file = await req.file({ limits: { fileSize: UPLOAD_LIMIT_BYTES }, throwFileSizeLimit: true });
  } catch (e) {
    throw asUploadError(e);
  }
  if (!file) throw invalid('file', '请上传文件（multipart 字段 file）');
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (e) {
    throw asUploadError(e);
  }
  if (file.file.truncated) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [name, part] of Object.entries(file.fields)) {
    const value = (part as { type?: string; value?: unknown } | undefined);
    if (value?.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  const bad = findBadValue({ ...fields, filename: file.filename }, 'body');
  if (bad) throw invalid(bad.field, bad.message);
  return { filename: file.filename, mimetype: file.mimetype, bytes, fields };
}

function asUploadError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if ((e as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  return invalid('file', '上传内容不完整或格式错误，请重新上传');
}
