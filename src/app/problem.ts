import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../shared/errors.ts';

/** RFC 9457 problem details; `code` is the stable machine-readable part. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  field?: string;
  [extension: string]: unknown;
}

export const problemOf = (code: ErrorCode, detail: string, extra: Record<string, unknown> = {}, instance?: string): Problem => ({
  type: `https://peixun.org/problems/${code}`,
  title: code.replace(/_/g, ' '),
  status: ERROR_STATUS[code],
  code,
  detail,
  instance,
  ...extra,
});

/** The one place where errors become HTTP answers. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let problem: Problem;
    if (err instanceof AppError) {
      problem = problemOf(err.code, err.message, err.details, req.url);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = (err as FastifyError).validationContext ?? 'body';
      const issuePath = ((first?.params as any)?.issue?.path ?? []) as (string | number)[];
      const field = issuePath.length ? issuePath.join('.') : (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || where;
      problem = problemOf('validation', `${field}: ${first?.message ?? 'invalid'}`, {
        field,
        errors: err.validation.map((v) => ({ field: (((v.params as any)?.issue?.path ?? []) as unknown[]).join('.'), message: v.message })),
      }, req.url);
    } else if ((err as FastifyError).statusCode === 429) {
      problem = problemOf('rate_limited', 'too many requests; try again later', {}, req.url);
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      const status = (err as FastifyError).statusCode!;
      const code: ErrorCode = status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : status === 415 || status === 400 ? 'validation' : 'conflict';
      problem = { ...problemOf(code, err.message, {}, req.url), status };
    } else {
      problem = problemOf('internal', 'internal error', {}, req.url);
    }
    // Every 5xx is logged, with the request id the answer carries.
    if (problem.status >= 500) req.log.error({ err, reqId: req.id }, 'request failed');
    problem.requestId = req.id;
    problem.instance = req.url.split('?')[0];
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).type('application/problem+json').send(problemOf('not_found', `no route ${req.method} ${req.url.split('?')[0]}`, { requestId: req.id }, req.url.split('?')[0]));
  });
}
