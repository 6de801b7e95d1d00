import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalid } from '../shared/errors.ts';

/** Deeper than any form of ours; a deeper body would only exercise the validators' recursion. */
export const MAX_DEPTH = 32;

/**
 * The first string (or key) holding a NUL byte, or a path deeper than MAX_DEPTH. PostgreSQL text cannot hold
 * U+0000, so such input is refused here once for every route instead of failing in the database. Iterative, so a
 * deeply nested body cannot overflow the stack.
 */
export function findBadValue(root: unknown, where: string): { field: string; message: string } | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const field = path.length ? path.join('.') : where;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field, message: '不能包含 NUL 字符 (U+0000)' };
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_DEPTH) return { field, message: `嵌套超过 ${MAX_DEPTH} 层` };
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return { field: [...path, k.replace(/\u0000/g, '\\0')].join('.'), message: '字段名不能包含 NUL 字符 (U+0000)' };
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Is this request sent by a page of another site? Requests without Origin (CLI, devices, tests) are not. */
export function crossOrigin(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage
  }
}

// antd injects its styles at run time, hence 'unsafe-inline' for styles only; scripts come from our origin alone.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Security headers, the cross-origin write check and the NUL/depth check, each in one hook for every route. */
export function registerHardening(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (UNSAFE.has(req.method) && crossOrigin(req)) {
      throw new AppError('forbidden', 'cross-origin write refused: send it from this site', { origin: req.headers.origin ?? null });
    }
  });
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const bad = findBadValue(value, where);
      if (bad) throw invalid(bad.field, bad.message);
    }
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // API answers carry personal data: no browser or proxy may keep them.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
