import type { Database } from '../db/db.ts';
import type { IdentityCheck } from '../person/identity.ts';
import type { DemoClock } from '../demo/clock.ts';

/** Everything the outside world gives the app: the store, the clock, the adapters to external systems. */
export interface AppContext {
  db: Database;
  now: () => Date;
  identity: IdentityCheck;
  /** Where uploaded files live for the embedded store; null keeps them in the database only. */
  dataDir: string | null;
  /** Only a demo store served with --demo has one; `now` then reads it (src/demo/clock.ts). */
  demoClock?: DemoClock | null;
  /** Where the signed audit checkpoints are kept (outside the database); null or absent: none to offer. */
  auditDir?: string | null;
}
