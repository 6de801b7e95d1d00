import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { actorOf, SESSION_COOKIE, type Api } from '../app/http.ts';
import { AppError } from '../shared/errors.ts';
import { appendAudit } from '../audit/store.ts';
import { LOCKOUT_AFTER_FAILURES, LOCKOUT_MS, ROLE_LABELS, SESSION_MAX_MS, sessionAlive, type Actor } from './auth.ts';
import * as store from './store.ts';

export const meSchema = z.object({
  username: z.string(),
  orgName: z.string().nullable().describe('the institution, evaluator or enterprise the account belongs to'),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  institutionId: z.string().nullable(),
  evaluatorId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  personId: z.string().nullable(),
});

const presentMe = (a: Actor, orgName: string | null) => ({
  username: a.username, orgName, displayName: a.displayName, role: a.role, roleLabel: ROLE_LABELS[a.role], regionCode: a.regionCode,
  cityCode: a.cityCode, institutionId: a.institutionId, evaluatorId: a.evaluatorId, enterpriseId: a.enterpriseId, personId: a.personId,
});

/** Resolves the session cookie to an actor on every request; an expired session is removed and ignored. */
export function registerSessionHook(app: Api, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const h = store.tokenHash(token);
    const row = await store.findSession(ctx.db, h);
    if (!row) return;
    const now = ctx.now();
    const lastSeenAt = new Date(row.last_seen_at);
    if (!sessionAlive({ createdAt: new Date(row.session_created_at), lastSeenAt }, now)) {
      await store.deleteSession(ctx.db, h);
      return;
    }
    // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
    if (now.getTime() - lastSeenAt.getTime() > 60_000) await store.touchSession(ctx.db, h, now);
    req.actor = store.toActor(row);
  });
}

export function sessionRoutes(app: Api, ctx: AppContext) {
  app.post('/api/v1/session', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['session'],
      summary: 'Sign in; sets the session cookie',
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      response: { 200: meSchema },
    },
  }, async (req, reply) => {
    const { username, password } = req.body;
    const now = ctx.now();
    const account = await store.findAccountByUsername(ctx.db, username);
    // One answer for an unknown account, a locked one and a wrong password, after one hash verification each, so that
    // neither the reply nor its time tells which accounts exist or are locked.
    const refused = () => new AppError('invalid_credentials', 'wrong username or password, or the account is locked after repeated failures; try again later');
    const locked = (until: string | null) => !!until && new Date(until) > now;
    const right = await store.checkPassword(account?.password_hash ?? await store.dummyPasswordHash(), password);
    if (!account || locked(account.locked_until)) throw refused();
    if (!right) {
      await ctx.db.transaction(async (tx) => {
        const r = await store.recordLoginFailure(tx, account.id, LOCKOUT_AFTER_FAILURES, new Date(now.getTime() + LOCKOUT_MS));
        if (locked(r.locked_until)) {
          await appendAudit(tx, { at: now, actorId: account.id, actor: account.username, action: 'account.lock', entity: 'account', entityId: account.id, cityCode: store.cityOfRegion(account.region_code), after: { lockedUntil: r.locked_until } });
        }
      });
      throw refused();
    }
    const token = store.newSessionToken();
    await ctx.db.transaction(async (tx) => {
      await store.resetLoginFailures(tx, account.id);
      await store.insertSession(tx, store.tokenHash(token), account.id, now, new Date(now.getTime() + SESSION_MAX_MS));
      await appendAudit(tx, { cityCode: store.cityOfRegion(account.region_code), at: now, actorId: account.id, actor: account.username, action: 'session.create', entity: 'account', entityId: account.id });
    });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(req), maxAge: SESSION_MAX_MS / 1000 });
    return presentMe(store.toActor(account), await store.orgNameOf(ctx.db, store.toActor(account)));
  });

  app.delete('/api/v1/session', { schema: { tags: ['session'], summary: 'Sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await store.deleteSession(ctx.db, store.tokenHash(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(req) });
    return reply.status(204).send();
  });

  app.get('/api/v1/me', { schema: { tags: ['session'], summary: 'The signed-in account, its role and scope', response: { 200: meSchema } } },
    async (req) => presentMe(actorOf(req), await store.orgNameOf(ctx.db, actorOf(req))));

  app.get('/api/v1/session', {
    schema: { tags: ['session'], summary: 'Whether this browser is signed in (never 401), and as whom', response: { 200: z.object({ signedIn: z.boolean(), me: meSchema.nullable() }) } },
  }, async (req) => ({ signedIn: !!req.actor, me: req.actor ? presentMe(req.actor, await store.orgNameOf(ctx.db, req.actor)) : null }));
}

/**
 * Secure whenever the browser speaks HTTPS: directly, or through a proxy when `PEIXUN_TRUST_PROXY` lets Fastify
 * read X-Forwarded-Proto. Locally (http://localhost) a Secure cookie would not be sent back.
 */
const secureCookie = (req: FastifyRequest) => req.protocol === 'https' || process.env.PEIXUN_SECURE_COOKIE === '1';
