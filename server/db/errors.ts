import type { ErrorCode } from '../../contract/error-codes.ts';

/**
 * The SQLSTATE of a database error, wherever the driver and Drizzle put it (Drizzle wraps driver
 * errors in its own, with the original as `cause`).
 */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** SQLSTATE of a unique index refusing a second row with the same key. */
export const UNIQUE_VIOLATION = '23505';
/** SQLSTATE of an exclusion constraint refusing a row that overlaps another (e.g. paid periods). */
export const EXCLUSION_VIOLATION = '23P01';

/** Errors of the moment, not of the request: the client may try again (answered with 503). */
export const transientDatabaseErrors: Readonly<Record<string, ErrorCode>> = {
  '57014': 'database.timeout',
  '40001': 'database.busy',
  '40P01': 'database.busy',
  '53300': 'database.busy',
  '55P03': 'database.busy',
  // The server ended the connection (pg_terminate_backend, a shutdown or restart, a failover) or
  // does not take connections yet: the pool opens a new one for the next request.
  '57P01': 'database.unavailable',
  '57P02': 'database.unavailable',
  '57P03': 'database.unavailable',
};

/**
 * A connection lost under a query: the socket's own errors and the driver's (node-postgres says
 * "Connection terminated unexpectedly" when the server closes it without a SQLSTATE reaching it).
 */
const lostConnection =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|connect ECONNREFUSED)/;
const socketErrors = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/**
 * The stable code of a transient database error (503, worth a retry), or undefined for any other
 * error. Looks through Drizzle's wrapping (`cause`) as databaseErrorCode does.
 */
export function transientDatabaseError(error: unknown): ErrorCode | undefined {
  const code = databaseErrorCode(error);
  if (code)
    return transientDatabaseErrors[code] ?? (code.startsWith('08') ? 'database.unavailable' : undefined);
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code: errno, message } = current as { code?: unknown; message?: unknown };
    if (typeof errno === 'string' && socketErrors.has(errno)) return 'database.unavailable';
    if (typeof message === 'string' && lostConnection.test(message)) return 'database.unavailable';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
