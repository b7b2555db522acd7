import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { rateLimitHits } from '../db/schema/index.ts';

/**
 * Fixed-window counters in the database, so every app instance sees the same count.
 * A burst of parallel requests can overshoot a limit by the number in flight; the limits here
 * guard against guessing, where a handful more attempts changes nothing.
 */
export interface RateLimit {
  /** Key prefix, e.g. `lookup:user`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  count: number;
  exceeded: boolean;
  retryAfterSeconds: number;
}

function windowOf(rule: RateLimit, now: Date): { start: Date; retryAfterSeconds: number } {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  return { start, retryAfterSeconds };
}

export async function peekRateLimit(
  db: Queryable,
  rule: RateLimit,
  subject: string,
  now = new Date(),
): Promise<RateLimitState> {
  const { start, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.key, `${rule.name}:${subject}`), eq(rateLimitHits.windowStart, start)));
  const count = row?.hits ?? 0;
  return { count, exceeded: count >= rule.limit, retryAfterSeconds };
}

export async function recordRateLimitHit(
  db: Queryable,
  rule: RateLimit,
  subject: string,
  now = new Date(),
): Promise<RateLimitState> {
  const { start, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: `${rule.name}:${subject}`, windowStart: start, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ hits: rateLimitHits.hits });
  const count = row?.hits ?? 1;
  return { count, exceeded: count >= rule.limit, retryAfterSeconds };
}

/** A limit and the subject it counts for (a user id, an email, an address). */
export type LimitCheck = readonly [RateLimit, string];

/** Seconds to wait when any of the limits is spent for its subject; null while all have room. */
export async function secondsUntilAllowed(
  db: Queryable,
  checks: readonly LimitCheck[],
): Promise<number | null> {
  let wait: number | null = null;
  for (const [rule, subject] of checks) {
    const state = await peekRateLimit(db, rule, subject);
    if (state.exceeded) wait = Math.max(wait ?? 0, state.retryAfterSeconds);
  }
  return wait;
}

/** Counts one failed attempt against every limit. */
export async function recordFailedAttempt(db: Queryable, checks: readonly LimitCheck[]): Promise<void> {
  for (const [rule, subject] of checks) await recordRateLimitHit(db, rule, subject);
}

export async function deleteExpiredRateLimitWindows(db: Queryable, olderThan: Date): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, olderThan));
}
