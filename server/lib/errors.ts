import type { ApiErrorCode } from '../../contract/error-codes.ts';

/**
 * A broken business rule or a refused request, with a stable code the web app translates.
 * The HTTP status is decided once, here, from the kind; handlers never pick statuses.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorDetails {
  /** The request field the error concerns, as a dotted path. */
  field?: string;
  /** Values the message refers to, for the translated text (a product code, a limit…). */
  params?: Record<string, string | number>;
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly code: ApiErrorCode;
  readonly kind: ErrorKind;
  readonly field: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ErrorKind, code: ApiErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.field = details.field;
    this.params = details.params;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  get status(): number {
    return statusByKind[this.kind];
  }
}

export const notFound = (code: ApiErrorCode, message: string) => new DomainError('not_found', code, message);

export const tooManyAttempts = (message: string, retryAfterSeconds: number) =>
  new DomainError('rate_limited', 'rate_limited', message, { retryAfterSeconds });
