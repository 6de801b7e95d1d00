import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../auth/auth.ts';
import { AppError } from '../shared/errors.ts';

export type Api = FastifyInstance<any, any, any, any, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in account, or 401 for anonymous calls. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'sign in first (POST /api/v1/session)');
  return req.actor;
}

export const SESSION_COOKIE = 'peixun_session';
