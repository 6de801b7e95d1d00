import { buildApp } from '../app/app.ts';
import { openStore, storeConfigFromEnv } from '../app/store.ts';
import { fixtureIdentityCheck } from '../person/identity.ts';
import { ensureDemo } from '../demo/load.ts';
import { openDemoClock } from '../demo/clock.ts';
import { checkpointDir } from '../audit/checkpoint.ts';
import { writeCheckpoint } from './audit.ts';
import { EXIT, type Command } from './io.ts';

/** A signed checkpoint of the audit chains at start and then at least hourly (SPEC §6.3). */
const CHECKPOINT_EVERY_MS = 3600_000;

export const serve: Command = async (argv, io) => {
  const config = storeConfigFromEnv(io.env);
  const port = Number(io.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`PORT: not a port number: ${io.env.PORT}`);
    return EXIT.usage;
  }
  const db = await openStore(config);
  const now = () => new Date();
  if (argv.includes('--demo')) {
    const loaded = await ensureDemo(db, { password: io.env.PEIXUN_DEMO_PASSWORD || 'peixun-demo', now: now(), announce: io.out });
    if (loaded) io.out(loaded);
  }
  // The demo's clock runs only in a demo store served as a demo; everywhere else the clock is real time.
  const demoClock = argv.includes('--demo') ? await openDemoClock(db, now) : null;
  const clock = demoClock?.now ?? now;
  const app = await buildApp({ db, now: clock, demoClock, identity: fixtureIdentityCheck(db), dataDir: config.databaseUrl ? null : config.dataDir!, auditDir: checkpointDir(config.dataDir!) }, { logger: { level: io.env.PEIXUN_LOG === '1' ? 'info' : 'error' }, trustProxy: io.env.PEIXUN_TRUST_PROXY === '1' });
  const keepCheckpoint = () => writeCheckpoint(db, config.dataDir!, clock()).catch((e) => app.log.error({ err: e }, 'audit checkpoint failed'));
  await keepCheckpoint();
  const timer = setInterval(keepCheckpoint, CHECKPOINT_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await db.close();
  });
  const address = await app.listen({ port, host: io.env.HOST || '127.0.0.1' });
  io.out(`peixun serving ${address} on ${config.databaseUrl ? 'PostgreSQL' : `the embedded store in ${config.dataDir}`}`);
  await new Promise<void>((resolve) => {
    const stop = () => void app.close().then(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
};
