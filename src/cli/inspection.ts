import { getDraw } from '../supervision/store.ts';
import { replayDraw } from '../supervision/service.ts';
import { withStore } from './audit.ts';
import { EXIT, type Command } from './io.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `peixun inspection replay DRAW_ID`: the draw again from its recorded seed and pools; exit 1 if the picks differ. */
export const inspectionReplay: Command = async (argv, io) => {
  const [id] = argv;
  if (!id || !UUID.test(id) || argv.length > 1) {
    io.err('usage: peixun inspection replay DRAW_ID (the id of a 双随机 draw)');
    return EXIT.usage;
  }
  return withStore(io, async (db) => {
    const draw = await getDraw(db, id);
    if (!draw) {
      io.err(`no draw ${id}`);
      return EXIT.usage;
    }
    const { picks, same } = replayDraw(draw);
    const name = new Map([...draw.cohortPool.map((c) => [c.id, `${c.name}（${c.institution}）`] as const), ...draw.inspectorPool.map((i) => [i.id, i.name] as const)]);
    io.out(`draw ${draw.id} of ${draw.drawnAt} seed ${draw.seed}: ${draw.cohortPool.filter((c) => c.in).length} cohorts in the pool, ${draw.inspectorPool.length} inspectors`);
    for (const p of picks) io.out(`${p.cohortId} ${name.get(p.cohortId)} ← ${p.inspectorIds.map((i) => name.get(i) ?? i).join('、')}`);
    io.out(same ? 'same picks as recorded' : 'DIFFERENT from the recorded picks');
    return same ? EXIT.ok : EXIT.failed;
  });
};
