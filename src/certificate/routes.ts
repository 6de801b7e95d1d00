import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { allow, authorize } from '../auth/auth.ts';
import { maskedIdentity } from '../person/present.ts';
import { notFound } from '../shared/errors.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { CERTIFICATE_NUMBER_PATTERN, holderMatches, presentPublic } from './certificate.ts';
import * as store from './store.ts';

/** Per address: enough for a person checking by hand, too few to walk the number space. */
export const PUBLIC_CHECKS_PER_MINUTE = 30;

const certificatePolicy = [allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'evaluator', 'enterprise', 'trainee'], 'list')];

export function certificateRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/certificates', {
    schema: { tags: ['certificates'], summary: 'Certificates the caller may see, each with its number', querystring: z.object({ cohortId: z.uuid().optional(), personId: z.uuid().optional(), ...pageQuery }) },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(certificatePolicy, actor, 'list');
    const { items, total } = await store.listCertificates(ctx.db, actor, req.query);
    return pageOf(items.map((c) => ({ ...c, idNumber: maskedIdentity(c.idNumber, null).idNumber, masked: true as const })), total, req.query.page, req.query.pageSize);
  });

  app.get('/api/v1/public/certificates/:number', {
    config: { rateLimit: { max: PUBLIC_CHECKS_PER_MINUTE, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Verify a 培训合格证书 by number, without login; with name, also whether that is the holder',
      params: z.object({ number: z.string().trim().toUpperCase().regex(CERTIFICATE_NUMBER_PATTERN, '证书编号格式应为 JNPX/GQPX/ZGPX + 6位县级行政区划代码（绥化为 12 + 2位地区）+ 2位年份 + 6位编号') }),
      querystring: z.object({ name: z.string().trim().min(1, '请填写持证人姓名').max(50).optional() }),
    },
  }, async (req) => {
    const c = await store.findCertificate(ctx.db, req.params.number);
    if (!c) throw notFound(`certificate ${req.params.number}`);
    const shown = presentPublic(c);
    return req.query.name === undefined ? shown : { ...shown, holderMatches: holderMatches(c.holderName, req.query.name) };
  });
}
