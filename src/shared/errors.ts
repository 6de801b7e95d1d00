/**
 * The one error type of peixun. Every refusal carries a stable `code` from one union; the HTTP layer maps
 * it once to RFC 9457 problem+json (app/problem.ts) and the CLI maps it to an exit code.
 */
export const ERROR_STATUS = {
  validation: 400, // bad input: `field` names what is wrong
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  idempotency_mismatch: 422,
  unset_parameter: 422, // a rule needs a parameter the seed leaves to the bureau and nobody set it
  out_of_force: 422, // the policy pack is not in force on the case's date
  ineligible: 422,
  guard_failed: 422, // the action is allowed from this state, but a condition of it does not hold (details.reasons)
  payload_too_large: 413, // an upload above the limit, refused whole
  locked: 423,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetails {
  /** The input field (dotted path, e.g. `trainees.3.attendanceRate`) or parameter the error is about. */
  field?: string;
  /** Policy citation, e.g. `阳人社规发〔2024〕2号 第六条`, when a rule refuses. */
  citation?: string;
  /** Further machine-readable facts (per-row reasons of an import, the current state, …). */
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const invalid = (field: string, message: string, extra: ErrorDetails = {}) =>
  new AppError('validation', `${field}: ${message}`, { ...extra, field });

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

export const forbidden = (message = 'not allowed for this account') => new AppError('forbidden', message);
