/**
 * Request bodies for the fuzz test over the OpenAPI document: a plausible body built from the operation's JSON
 * Schema, then broken one way at a time (wrong types, missing and extra fields, NUL, huge strings, deep nesting,
 * bad dates, prototype keys, bodies that are not JSON at all). Deterministic for a seed, so a failure replays.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Schema = Record<string, any>;
export type Random = () => number;

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const deep = (depth: number): Json => (depth === 0 ? 'x' : { a: [deep(depth - 1)] });

/** Values that have broken servers: each replaces one field (or the whole body) at a time. */
export const NASTY: readonly Json[] = [
  null, true, false, 0, -1, 1.5, -0.000001, 1e308, -1e308, 2 ** 63, 9007199254740993, '', ' ', '\u0000', 'a\u0000b',
  'x'.repeat(100_000), '中'.repeat(20_000), '\ud800', '😀'.repeat(50), "' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd',
  '0000-01-01', '0000-00-00', '2024-02-30', '2024-13-01', '9999-12-31', '1899-12-31', '2024-1-1', '20241120', '2024-11-20T25:00:00Z',
  '24:61', '-1', 'NaN', 'Infinity', 'true', 'null', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '__proto__', 'constructor', [], [null], ['\u0000'], {}, { __proto__: null } as Json,
  JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }, deep(60), [[[[[[[[[[[]]]]]]]]]]],
  Array.from({ length: 5000 }, (_, i) => i), { '': '' },
];

/** Resolves `$ref`s of the document and collapses anyOf/oneOf/allOf to one branch for the plausible body. */
function resolve(doc: Schema, s: Schema | undefined): Schema {
  if (!s) return {};
  if (s.$ref) return resolve(doc, s.$ref.replace(/^#\//, '').split('/').reduce((o: any, k: string) => o?.[k], doc));
  return s;
}

/** A value that matches the schema as well as a simple reading of it allows; `ids` supplies real ids by field name. */
export function plausible(doc: Schema, schema: Schema | undefined, r: Random, ids: (field: string) => string | undefined, field = ''): Json {
  const s = resolve(doc, schema);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return plausible(doc, pick(r, branches), r, ids, field);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((b: Schema) => plausible(doc, b, r, ids, field)));
  if (s.enum) return pick(r, s.enum);
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) {
        if ((s.required ?? []).includes(k) || r() < 0.6) out[k] = plausible(doc, v, r, ids, k);
      }
      return out;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 1 + Math.floor(r() * 3)));
      return Array.from({ length: n }, () => plausible(doc, s.items, r, ids, field));
    }
    case 'integer': return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 1000, Math.floor(r() * 100)));
    case 'number': return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 1000, r() * 100));
    case 'boolean': return r() < 0.5;
    case 'string': {
      if (s.format === 'uuid') return ids(field) ?? '3f2b8c1e-0a4d-4e6f-9b1a-2c3d4e5f6a7b';
      if (s.format === 'date') return pick(r, ['2024-11-20', '2024-11-29', '2025-03-01']);
      if (s.format === 'date-time') return '2024-11-20T02:00:00.000Z';
      const known = ids(field);
      if (known) return known;
      if (/time|At$/i.test(field)) return pick(r, ['08:30', '12:00', '16:30']);
      const len = Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 12, 4));
      return '测试'.repeat(len).slice(0, len);
    }
    default: return pick(r, ['x', 1, null, {}]);
  }
}

type Path = Array<string | number>;

/** Every path into objects and arrays of a value, the root included. */
function paths(v: Json, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

const clone = (v: Json): Json => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function setAt(root: Json, at: Path, value: Json | undefined): Json {
  if (!at.length) return value === undefined ? null : value;
  const copy = clone(root) as any;
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k];
  const last = at[at.length - 1];
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(Number(last), 1);
    else delete o[last];
  } else o[last] = value;
  return copy;
}

/** One request body: JSON text with its content type. */
export interface FuzzBody { payload: string; contentType: string; label: string }

const json = (v: Json, label: string): FuzzBody => ({ payload: JSON.stringify(v), contentType: 'application/json', label });

/** The n-th body for an operation: every tenth the plausible body itself (reaching past validation), else one break. */
export function fuzzBody(base: Json, n: number, r: Random): FuzzBody {
  const kind = n % 10;
  if (kind === 0) return json(base, 'plausible');
  const targets = paths(base);
  const at = pick(r, targets);
  const where = at.join('.') || '(root)';
  switch (kind) {
    case 1: case 2: case 3: case 4: {
      const value = pick(r, NASTY);
      return json(setAt(base, at, value), `${where} = ${JSON.stringify(value)?.slice(0, 40)}`);
    }
    case 5: return json(setAt(base, at, undefined), `${where} removed`);
    case 6: {
      const extra = pick(r, ['__proto__', 'constructor', 'id', 'cityCode', 'state', 'createdAt', 'x'.repeat(300)]);
      const target = at.length && base && typeof base === 'object' ? at.slice(0, -1) : [];
      const host = target.reduce((o: any, k) => o?.[k], base);
      if (!host || typeof host !== 'object' || Array.isArray(host)) return json({ ...(base as object), [extra]: pick(r, NASTY) }, `extra ${extra}`);
      return json(setAt(base, [...target, extra], pick(r, NASTY)), `extra ${[...target, extra].join('.')}`);
    }
    case 7: return json(pick(r, NASTY), 'whole body replaced');
    case 8: return { payload: pick(r, ['{', '{"a":', '[1,', 'nul', '\u0000', '{"a":"\\u0000"}', '\ufeff{}', '{"a":1}{"b":2}', '"\\ud800"', '']), contentType: 'application/json', label: 'not JSON' };
    default: {
      const value = pick(r, NASTY);
      const text = pick(r, ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data']);
      return { payload: typeof value === 'string' ? value : JSON.stringify(value), contentType: text, label: `as ${text}` };
    }
  }
}

/** A path parameter: mostly the real id, sometimes an unknown or a malformed one. */
export function fuzzParam(real: string, r: Random): string {
  const x = r();
  if (x < 0.8) return real;
  return pick(r, ['00000000-0000-4000-8000-000000000000', 'x', '%00', '1%27%20OR%201%3D1', 'a'.repeat(300), '-1', '..%2F..']);
}

const BOUNDARY = '----peixun-fuzz';

/** The n-th multipart body for an upload endpoint: fields and a file, each broken one way. */
export function fuzzMultipart(n: number, r: Random, fields: Record<string, string>): { payload: Buffer; contentType: string; label: string } {
  const part = (name: string, value: string | Buffer, filename?: string, type = 'application/octet-stream') => Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}\r\n${filename !== undefined ? `Content-Type: ${type}\r\n` : ''}\r\n`),
    Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from('\r\n'),
  ]);
  const nasty = () => String(pick(r, NASTY.filter((v) => typeof v === 'string')));
  const kind = n % 6;
  // kind 0 is a well-formed upload of a small PDF, the rest break one part each
  const fileBytes = kind === 0 ? Buffer.from('%PDF-1.4\n%%EOF\n') : pick(r, [Buffer.from('%PDF-1.4\n%%EOF\n'), Buffer.alloc(0), Buffer.from('PK\u0003\u0004garbage'), Buffer.from(nasty()), Buffer.alloc(4096, 0xff)]);
  const filename = kind === 0 ? 'a.pdf' : pick(r, ['a.pdf', 'roster.xlsx', '', '../../x.pdf', 'a\u0000.pdf', nasty().slice(0, 300)]);
  const entries = Object.entries(fields).map(([k, v]) => [k, kind !== 0 && r() < 0.3 ? nasty() : v] as const);
  const parts = [
    ...(kind === 1 ? [] : entries.map(([k, v]) => part(k, v))),
    ...(kind === 2 ? [part(pick(r, ['__proto__', 'constructor', 'extra', '']), nasty())] : []),
    ...(kind === 3 ? [] : [part(kind === 4 ? nasty().slice(0, 50) : 'file', fileBytes, filename, kind === 0 ? 'application/pdf' : pick(r, ['application/pdf', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '']))]),
  ];
  let payload = Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
  if (kind === 5) payload = payload.subarray(0, Math.floor(r() * payload.length)); // cut short, as a dropped connection leaves it
  const contentType = kind !== 0 && r() < 0.1 ? pick(r, ['multipart/form-data', 'multipart/form-data; boundary=', `multipart/form-data; boundary=other`]) : `multipart/form-data; boundary=${BOUNDARY}`;
  return { payload, contentType, label: `multipart #${kind}` };
}

/** A query-string value, URL-encoded: a nasty one, bytes that are not UTF-8, or a plausible page, size, date or state. */
export function fuzzQueryValue(r: Random): string {
  if (r() < 0.3) return pick(r, ['1', '20', '0', '-1', '2024-11-20', 'draft', 'true', '6-31-01-03', '140302', '%ED%A0%80', '%FF%FE', '%', '%zz']);
  const v = pick(r, NASTY);
  try {
    return encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as a client that does not check would send it
  }
}
