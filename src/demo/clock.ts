import type { Database, Queryable } from '../db/db.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findPack } from '../policy/packs/index.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { stepDates } from '../cohort/timing.ts';

const DAY_MS = 86_400_000;

/**
 * The demo's own clock: real time plus a whole number of days, so that a newcomer can walk a cohort through
 * dates that have not come yet in one sitting. It exists only in a store the demo loader filled (its
 * `demo_clock` row) and only when the app is served with --demo; it moves forward only.
 */
export class DemoClock {
  constructor(private readonly real: () => Date, public offsetDays: number) {}
  now = (): Date => new Date(this.real().getTime() + this.offsetDays * DAY_MS);
  realToday = (): string => shanghaiDate(this.real());
  today = (): string => shanghaiDate(this.now());
}

/** Marks a store as a demo being loaded: its clock starts at real time; `finishDemoLoad` marks the load done. */
export const insertDemoClock = (tx: Queryable, now: Date) =>
  tx.query(`INSERT INTO demo_clock (id, offset_days, updated_at) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING`, [now]);

export const finishDemoLoad = (tx: Queryable, now: Date) => tx.query(`UPDATE demo_clock SET loaded_at = $1 WHERE id = 1`, [now]);

/** A demo load began in this store and did not finish (the process was killed or a step failed). */
export async function demoLoadUnfinished(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM demo_clock WHERE id = 1 AND loaded_at IS NULL`);
  return rows.length > 0;
}

/** The demo clock of this store, or null when the store was not loaded as a demo. */
export async function openDemoClock(db: Queryable, real: () => Date = () => new Date()): Promise<DemoClock | null> {
  const { rows } = await db.query<{ offset_days: number }>(`SELECT offset_days FROM demo_clock WHERE id = 1`);
  return rows.length ? new DemoClock(real, rows[0].offset_days) : null;
}

/** Days from `from` to `to` (calendar dates). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Moves the clock forward by `days` in the caller's transaction. Sessions move with it: they would otherwise
 * all end (12 hours at most) on a jump of days.
 */
export async function advanceDemoClock(tx: Queryable, clock: DemoClock, days: number, realNow: Date) {
  await tx.query(`UPDATE demo_clock SET offset_days = offset_days + $1, updated_at = $2 WHERE id = 1`, [days, realNow]);
  await tx.query(
    `UPDATE session SET created_at = created_at + make_interval(days => $1), last_seen_at = last_seen_at + make_interval(days => $1), expires_at = expires_at + make_interval(days => $1)`,
    [days],
  );
  clock.offsetDays += days;
}

/**
 * The next date after `today` on which some cohort's next step becomes possible (training starts, the
 * completion application opens, training ends), or null: where the banner's button takes the clock.
 */
export async function nextNeededDate(db: Database, today: string): Promise<string | null> {
  const { rows } = await db.query(
    `SELECT c.state, c.policy, c.program_type, c.start_date::text AS start_date, c.end_date::text AS end_date,
            array(SELECT l.date::text FROM lesson l WHERE l.city_code = c.city_code AND l.cohort_id = c.id) AS dates
       FROM cohort c WHERE c.state IN ('opening_approved', 'in_training', 'completion_submitted', 'completion_approved')`,
  );
  if (!rows.length) return null;
  const calendar = await loadCalendar(db);
  const dates = rows.map((r) => {
    const d = stepDates({ pack: findPack(r.policy)!, cohort: { programType: r.program_type, startDate: r.start_date, endDate: r.end_date }, lessons: r.dates.map((date: string) => ({ date })), calendar });
    return r.state === 'opening_approved' ? d.start : r.state === 'in_training' ? d.submitCompletion : d.trainingEnded;
  }).filter((d) => d > today).sort();
  return dates[0] ?? null;
}
