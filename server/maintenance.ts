import type { FastifyBaseLogger } from 'fastify';
import { limits } from '../contract/limits.ts';
import type { Db } from './db/client.ts';
import { deleteExpiredIdempotencyKeys } from './http/idempotency.ts';
import { trimRecentAccounts } from './modules/customers/customers.service.ts';
import { deleteExpiredDevices } from './modules/sessions/devices.ts';
import { deleteExpiredSessions } from './modules/sessions/sessions.ts';
import { deleteExpiredRateLimitWindows } from './shared/rate-limit.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Deletes expired sessions, device tokens, idempotency keys and old rate-limit windows, and trims
 * each user's recently opened accounts, every hour.
 * Safe to run in every instance: the deletes are idempotent.
 */
export function startMaintenance(db: Db, log: FastifyBaseLogger): () => void {
  const run = async () => {
    const now = new Date();
    try {
      await deleteExpiredSessions(db, now);
      await deleteExpiredDevices(db, now);
      await deleteExpiredIdempotencyKeys(db, new Date(now.getTime() - limits.idempotencyHours * HOUR_MS));
      await deleteExpiredRateLimitWindows(db, new Date(now.getTime() - 24 * HOUR_MS));
      await trimRecentAccounts(db);
    } catch (err) {
      log.error({ err }, 'maintenance failed');
    }
  };
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
