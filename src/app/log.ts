import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';
import { maskIdNumber, maskPhone } from '../person/id-number.ts';

/** 18-character ID numbers (and old 15-digit ones) and mobile numbers, wherever they sit in a text. */
const ID_NUMBER = /(?<![0-9])(\d{17}[\dXx]|\d{15})(?![0-9Xx])/g;
const PHONE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

/** Masks every ID number and phone in a text, so that nothing written to the log carries a whole one. */
export const redactPersonalData = (text: string) => text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(PHONE, (m) => maskPhone(m));

export interface LogOptions {
  level?: 'error' | 'warn' | 'info' | 'debug';
  /** Where lines go (default stdout); tests pass a stream they read back. */
  stream?: NodeJS.WritableStream;
}

/**
 * Fastify logger settings: a random request id (never taken from the client), request lines with the path only
 * (query strings carry searched ID numbers and phones), and errors with personal data masked.
 */
export function loggerOptions(log: LogOptions | false): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader'> {
  const base = { genReqId: () => randomUUID(), requestIdHeader: false as const };
  if (!log) return { ...base, logger: false };
  return {
    ...base,
    logger: {
      level: log.level ?? 'info',
      ...(log.stream ? { stream: log.stream } : {}),
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: redactPersonalData(req.url.split('?')[0]), reqId: req.id }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error & { code?: string }) => ({
          type: err.name, code: err.code, message: redactPersonalData(err.message ?? ''), stack: redactPersonalData(err.stack ?? ''),
        }),
      },
    },
  };
}
