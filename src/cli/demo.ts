import { openStore, storeConfigFromEnv } from '../app/store.ts';
import { loadDemo, resetStore, storeHasData } from '../demo/load.ts';
import { demoLoadUnfinished } from '../demo/clock.ts';
import { EXIT, type Command } from './io.ts';

export const demo: Command = async (argv, io) => {
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length) {
    io.err(`peixun demo: unknown option ${unknown[0]} (only --reset)`);
    return EXIT.usage;
  }
  const db = await openStore(storeConfigFromEnv(io.env));
  try {
    if (await demoLoadUnfinished(db)) {
      await resetStore(db);
      io.out('an earlier demo load did not finish: its data was removed');
    } else if (await storeHasData(db)) {
      if (!argv.includes('--reset')) {
        io.err('peixun demo: the store already has data; nothing was changed. Run `peixun demo --reset` to replace it with the demo data.');
        return EXIT.failed;
      }
      await resetStore(db);
      io.out('existing data removed');
    }
    io.out(await loadDemo(db, { password: io.env.PEIXUN_DEMO_PASSWORD || 'peixun-demo', now: new Date() }));
    return EXIT.ok;
  } finally {
    await db.close();
  }
};
