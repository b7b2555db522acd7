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
};
