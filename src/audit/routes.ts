import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { allow, authorize } from '../auth/auth.ts';
import { notFound } from '../shared/errors.ts';
import { latestCheckpointFile, readCheckpointFile } from './checkpoint.ts';

// A checkpoint holds hashes only (no personal data); city bureaus keep copies outside the system to verify it later.
const auditPolicy = [allow('city_admin', 'download_checkpoint')];

export function auditRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/audit/checkpoints/latest', {
    schema: { tags: ['audit'], summary: 'The newest signed checkpoint of every city’s audit chain (to keep outside the system and verify with `peixun audit verify --checkpoint`)' },
  }, async (req, reply) => {
    authorize(auditPolicy, actorOf(req), 'download_checkpoint');
    const file = ctx.auditDir ? latestCheckpointFile(ctx.auditDir) : null;
    if (!file) throw notFound('audit checkpoint');
    return reply.header('content-disposition', 'attachment; filename="peixun-audit-checkpoint.json"').send(readCheckpointFile(file));
  });
}
