import { z } from 'zod';

/** Business dates are Asia/Shanghai calendar dates ('YYYY-MM-DD'), whatever the server's time zone. */
const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const shanghaiDate = (instant: Date): string => SHANGHAI.format(instant);

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Business dates the system accepts: real calendar days within these years (PostgreSQL refuses year 0). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** The one schema of a date field in a request: YYYY-MM-DD, a real calendar day, year 1900–2100. */
export const isoDate = (message = '日期格式应为 YYYY-MM-DD') => z.iso.date(message)
  .refine((s) => Number(s.slice(0, 4)) >= FIRST_YEAR && Number(s.slice(0, 4)) <= LAST_YEAR, `日期应在 ${FIRST_YEAR}—${LAST_YEAR} 年之间`);
