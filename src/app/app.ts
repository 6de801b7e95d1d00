import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { registerProblemHandler } from './problem.ts';
import { loggerOptions, type LogOptions } from './log.ts';
import { registerHardening } from './hardening.ts';
import { UPLOAD_LIMIT_BYTES } from './upload.ts';
import { registerSessionHook, sessionRoutes } from '../auth/routes.ts';
import { personRoutes } from '../person/routes.ts';
import { registryRoutes } from '../registry/routes.ts';
import { policyRoutes } from '../policy/routes.ts';
import { cohortRoutes } from '../cohort/routes.ts';
import { certificateRoutes } from '../certificate/routes.ts';
import { demoRoutes } from '../demo/routes.ts';
import { voucherRoutes } from '../voucher/routes.ts';
import { referenceRoutes } from './reference.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { complaintRoutes } from '../complaint/routes.ts';
import { inspectionRoutes } from '../supervision/routes.ts';
import { deviceRoutes } from '../device/routes.ts';
import { attendanceRoutes } from '../attendance/routes.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface AppOptions {
  /** false: no log; otherwise the level and stream (request lines without query strings, personal data masked). */
  logger?: LogOptions | false;
  /** Built web app to serve at /; skipped when the folder does not exist. */
  webDir?: string;
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (HTTPS detection for Secure cookies, client address). */
  trustProxy?: boolean;
}

/** The thin layer that wires the bounded contexts into one HTTP server. */
export async function buildApp(ctx: AppContext, options: AppOptions = {}) {
  const app = Fastify({ ...loggerOptions(options.logger ?? false), bodyLimit: 2 * 1024 * 1024, trustProxy: options.trustProxy ?? false }).withTypeProvider<ZodTypeProvider>();
  // The request id a problem response carries is the one the log line of the request carries.
  app.addHook('onRequest', async (req, reply) => void reply.header('x-request-id', req.id));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  registerHardening(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'peixun API', version: '1', description: '补贴性职业技能培训 — real-name training management' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'peixun_session' }, device: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  registerSessionHook(app, ctx);
  sessionRoutes(app, ctx);
  personRoutes(app, ctx);
  registryRoutes(app, ctx);
  policyRoutes(app, ctx);
  cohortRoutes(app, ctx);
  certificateRoutes(app, ctx);
  demoRoutes(app, ctx);
  voucherRoutes(app, ctx);
  referenceRoutes(app);
  calendarRoutes(app, ctx);
  auditRoutes(app, ctx);
  complaintRoutes(app, ctx);
  inspectionRoutes(app, ctx);
  deviceRoutes(app, ctx);
  attendanceRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = options.webDir ?? WEB_DIST;
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // The web app routes on the client: any non-API GET gets index.html.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
