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
