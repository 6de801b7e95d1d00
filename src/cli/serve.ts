import { buildApp } from '../app/app.ts';
import { openStore, storeConfigFromEnv } from '../app/store.ts';
import { fixtureIdentityCheck } from '../person/identity.ts';
import { loadDemo, storeHasData } from '../demo/load.ts';
import { EXIT, type Command } from './io.ts';

export const serve: Command = async (argv, io) => {
  const config = storeConfigFromEnv(io.env);
  const port = Number(io.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`PORT: not a port number: ${io.env.PORT}`);
    return EXIT.usage;
  }
  const db = await openStore(config);
  const now = () => new Date();
  if (argv.includes('--demo') && !(await storeHasData(db))) {
    io.out('empty store: loading the demo data (first start only)…');
    const summary = await loadDemo(db, { password: io.env.PEIXUN_DEMO_PASSWORD || 'peixun-demo', now: now() });
    io.out(summary);
  }
  const app = await buildApp({ db, now, identity: fixtureIdentityCheck(db), dataDir: config.databaseUrl ? null : config.dataDir! }, { logger: io.env.PEIXUN_LOG === '1', trustProxy: io.env.PEIXUN_TRUST_PROXY === '1' });
  app.addHook('onClose', async () => db.close());
  const address = await app.listen({ port, host: io.env.HOST || '127.0.0.1' });
  io.out(`peixun serving ${address} on ${config.databaseUrl ? 'PostgreSQL' : `the embedded store in ${config.dataDir}`}`);
  await new Promise<void>((resolve) => {
    const stop = () => void app.close().then(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
};
