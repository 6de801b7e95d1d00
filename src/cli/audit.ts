import path from 'node:path';
import { openStore, storeConfigFromEnv, type Store } from '../app/store.ts';
import { chainHeads, verifyAgainstCheckpoint, verifyAuditChain } from '../audit/store.ts';
import { checkpointDir, checkpointProblem, latestCheckpointFile, readCheckpointFile, signCheckpoint, writeCheckpointFile, type Checkpoint } from '../audit/checkpoint.ts';
import { restrictAppRole } from '../audit/role.ts';
import { EXIT, type CliIO, type Command } from './io.ts';

export async function withStore<T>(io: CliIO, fn: (db: Store, dataDir: string) => Promise<T>): Promise<T> {
  const config = storeConfigFromEnv(io.env);
  const db = await openStore(config);
  try {
    return await fn(db, config.dataDir!);
  } finally {
    await db.close();
  }
}

/** Signs every chain's head now, keeps the checkpoint outside the database, and prints it. */
export async function writeCheckpoint(db: Store, dataDir: string, now: Date): Promise<{ checkpoint: Checkpoint; file: string }> {
  const checkpoint = signCheckpoint(await chainHeads(db), now, db.auditKeys);
  return { checkpoint, file: writeCheckpointFile(checkpointDir(dataDir), checkpoint) };
}

export const auditCheckpoint: Command = async (_argv, io) => withStore(io, async (db, dataDir) => {
  const { checkpoint, file } = await writeCheckpoint(db, dataDir, new Date());
  io.out(JSON.stringify(checkpoint, null, 2));
  io.err(`checkpoint kept in ${file}`);
  return EXIT.ok;
});

/** `audit verify [--checkpoint FILE]`: without a file, the newest checkpoint kept; without any, the chains alone. */
export const auditVerify: Command = async (argv, io) => {
  const at = argv.indexOf('--checkpoint');
  if (at >= 0 && !argv[at + 1]) {
    io.err('--checkpoint: name the checkpoint file');
    return EXIT.usage;
  }
  return withStore(io, async (db, dataDir) => {
    const file = at >= 0 ? path.resolve(argv[at + 1]) : latestCheckpointFile(checkpointDir(dataDir));
    let checkpoint: unknown = null;
    if (file) {
      try {
        checkpoint = readCheckpointFile(file);
      } catch (e) {
        io.err(`--checkpoint: cannot read ${file}: ${(e as Error).message}`);
        return EXIT.usage;
      }
      const problem = checkpointProblem(checkpoint, db.auditKeys);
      if (problem) {
        io.err(`checkpoint ${file}: ${problem}`);
        return EXIT.failed;
      }
    }
    const verdict = checkpoint ? await verifyAgainstCheckpoint(db, checkpoint as Checkpoint) : await verifyAuditChain(db);
    if (!verdict.ok) {
      io.err(`audit chain ${verdict.cityCode} broken at entry ${verdict.seq}: ${verdict.problem}`);
      return EXIT.failed;
    }
    io.out(`audit chains intact: ${verdict.entries} entries in ${verdict.chains} chains${file ? `, consistent with the checkpoint ${file}` : ' (no checkpoint kept yet: run `peixun audit checkpoint`)'}`);
    return EXIT.ok;
  });
};

export const auditRestrictRole: Command = async (argv, io) => {
  if (!argv[0]) {
    io.err('role: name the PostgreSQL role the application connects as');
    return EXIT.usage;
  }
  return withStore(io, async (db) => {
    if (db.kind !== 'postgres') {
      io.err('restrict-role: only for PostgreSQL (DATABASE_URL); the embedded store relies on its triggers');
      return EXIT.usage;
    }
    await restrictAppRole(db, argv[0]);
    io.out(`role ${argv[0]}: may read and write the tables and append to the audit log; may not update, delete or truncate audit rows`);
    return EXIT.ok;
  });
};
