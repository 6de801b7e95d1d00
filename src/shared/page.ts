import { z } from 'zod';

/** Lists answer `{ items, total, page, pageSize }` (SPEC §5.3). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const pageOf = <T>(items: T[], total: number, page: number, pageSize: number) => ({ items, total, page, pageSize });

export const pageSchema = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/**
 * A keyset cursor over (time, id): `after=<ISO time>_<uuid>`, the `next` a page answered. Lists ordered newest first
 * continue strictly below it, so a page costs an index range scan however deep it is.
 */
export const timeIdCursor = z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[0-9a-f-]{36}$/, 'after: 应为上一页返回的 next').transform((s) => {
  const [at, id] = s.split('_');
  return { at, id };
});

/** The `next` cursor of a full page (none when the page is the last). */
export const nextTimeIdCursor = <T>(items: T[], pageSize: number, key: (t: T) => { at: string; id: string }) => {
  const last = items.length === pageSize ? items[items.length - 1] : undefined;
  return last ? `${new Date(key(last).at).toISOString()}_${key(last).id}` : null;
};
