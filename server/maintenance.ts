import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db/client.ts';
import { deleteExpiredRateLimitWindows } from './lib/rate-limit.ts';
import { deleteExpiredSessions } from './modules/auth/sessions.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Deletes expired sessions and old rate-limit windows every hour. Safe to run in every instance:
 * the deletes are idempotent.
 */
export function startMaintenance(db: Db, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      await deleteExpiredSessions(db);
      await deleteExpiredRateLimitWindows(db, new Date(Date.now() - 24 * HOUR_MS));
    } catch (err) {
      log.error({ err }, 'maintenance failed');
    }
  };
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
