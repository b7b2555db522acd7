import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.ts';
import { rateLimitHits } from '../db/schema/index.ts';
import { rateLimitRefusals } from '../lib/metrics.ts';

/**
 * Fixed-window counters in the database, so every app instance sees the same count. An attempt is
 * counted before it is checked (one atomic upsert returns the new count), so requests in flight
 * cannot all read "9 of 10" and all pass: of any number of parallel attempts, at most the limit
 * get through. A successful attempt gives its place back; failed ones stay counted.
 *
 * Counters of failed attempts take the root database, never a request's transaction: a rolled-back
 * transaction must not take its failed attempts with it. Counters of things done (emails sent)
 * take the transaction that does them, so that exactly what is committed counts.
 */
export interface RateLimit {
  /** Key prefix, e.g. `lookup:user`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** A limit and the subject it counts for (a user id, an email, an address). */
export type LimitCheck = readonly [RateLimit, string];

function windowOf(rule: RateLimit, now: Date): { start: Date; retryAfterSeconds: number } {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  return { start, retryAfterSeconds };
}

const keyOf = (rule: RateLimit, subject: string) => `${rule.name}:${subject}`;

/** The attempts an allowed request took, to be given back if it succeeds. */
export interface Attempt {
  taken: { key: string; windowStart: Date }[];
}

/**
 * Counts one attempt against each limit in order. The first limit already spent refuses the
 * attempt with its wait in seconds, and the limits after it are not charged: a user who has spent
 * their own budget cannot go on spending the partner's.
 */
export async function takeAttempt(
  db: Queryable,
  checks: readonly LimitCheck[],
  now: Date,
): Promise<{ allowed: true; attempt: Attempt } | { allowed: false; retryAfterSeconds: number }> {
  const taken: Attempt['taken'] = [];
  for (const [rule, subject] of checks) {
    const { start, retryAfterSeconds } = windowOf(rule, now);
    const key = keyOf(rule, subject);
    const [row] = await db
      .insert(rateLimitHits)
      .values({ key, windowStart: start, hits: 1 })
      .onConflictDoUpdate({
        target: [rateLimitHits.key, rateLimitHits.windowStart],
        set: { hits: sql`${rateLimitHits.hits} + 1` },
      })
      .returning({ hits: rateLimitHits.hits });
    taken.push({ key, windowStart: start });
    if ((row?.hits ?? 1) > rule.limit) {
      rateLimitRefusals.inc({ limit: rule.name });
      return { allowed: false, retryAfterSeconds };
    }
  }
  return { allowed: true, attempt: { taken } };
}

/** A successful attempt does not count against anyone (one statement for all its limits). */
export async function giveBack(db: Db, attempt: Attempt): Promise<void> {
  if (attempt.taken.length === 0) return;
  await db
    .update(rateLimitHits)
    .set({ hits: sql`greatest(${rateLimitHits.hits} - 1, 0)` })
    .where(
      or(
        ...attempt.taken.map(({ key, windowStart }) =>
          and(eq(rateLimitHits.key, key), eq(rateLimitHits.windowStart, windowStart)),
        ),
      ),
    );
}

export async function deleteExpiredRateLimitWindows(db: Db, olderThan: Date): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, olderThan));
}
