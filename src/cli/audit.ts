import { openStore, storeConfigFromEnv } from '../app/store.ts';
import { verifyAuditChain } from '../audit/store.ts';
import { EXIT, type Command } from './io.ts';

export const auditVerify: Command = async (_argv, io) => {
  const db = await openStore(storeConfigFromEnv(io.env));
  try {
    const verdict = await verifyAuditChain(db);
    if (verdict.ok) {
      io.out(`audit chain intact: ${verdict.entries} entries`);
      return EXIT.ok;
    }
    io.err(`audit chain broken at entry ${verdict.seq}: ${verdict.problem}`);
    return EXIT.failed;
  } finally {
    await db.close();
  }
};
