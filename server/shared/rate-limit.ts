import { lt, type SQL, sql } from 'drizzle-orm';
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

/** The counter an attempt at `now` goes to for one limit and subject. */
export interface Counter {
  key: string;
  windowStart: Date;
  limit: number;
}

/** The counters of `checks` at `now`, in the order they are charged. */
export function countersOf(checks: readonly LimitCheck[], now: Date): Counter[] {
  return checks.map(([rule, subject]) => ({
    key: keyOf(rule, subject),
    windowStart: windowOf(rule, now).start,
    limit: rule.limit,
  }));
}

export type AttemptOutcome =
  | { allowed: true; attempt: Attempt }
  | { allowed: false; retryAfterSeconds: number };

/**
 * What the counts after charging an attempt mean (null: a counter not charged). The first limit
 * already spent refuses the attempt with its wait in seconds, and the limits after it are not
 * charged: a user who has spent their own budget cannot go on spending the partner's.
 */
export function judgeAttempt(
  checks: readonly LimitCheck[],
  now: Date,
  hits: readonly (number | null)[],
): AttemptOutcome {
  const taken: Attempt['taken'] = [];
  for (const [i, [rule, subject]] of checks.entries()) {
    const { start, retryAfterSeconds } = windowOf(rule, now);
    const count = hits[i];
    if (count === null || count === undefined) throw new Error(`rate limit ${rule.name} was not charged`);
    taken.push({ key: keyOf(rule, subject), windowStart: start });
    if (count > rule.limit) {
      rateLimitRefusals.inc({ limit: rule.name });
      return { allowed: false, retryAfterSeconds };
    }
  }
  return { allowed: true, attempt: { taken } };
}

/**
 * Counts one attempt against each limit in order (see `judgeAttempt`), one statement per limit.
 */
export async function takeAttempt(
  db: Queryable,
  checks: readonly LimitCheck[],
  now: Date,
): Promise<AttemptOutcome> {
  const hits: number[] = [];
  for (const counter of countersOf(checks, now)) {
    const [row] = await db
      .insert(rateLimitHits)
      .values({ key: counter.key, windowStart: counter.windowStart, hits: 1 })
      .onConflictDoUpdate({
        target: [rateLimitHits.key, rateLimitHits.windowStart],
        set: { hits: sql`${rateLimitHits.hits} + 1` },
      })
      .returning({ hits: rateLimitHits.hits });
    const count = row?.hits ?? 1;
    hits.push(count);
    if (count > counter.limit) break;
  }
  return judgeAttempt(checks.slice(0, hits.length), now, hits);
}

/**
 * The same count as part of one statement, for a caller that counts and reads in one round trip:
 * common table expressions `hit_0`, `hit_1`, … (one per counter, each with the new `hits`), the
 * first charged when `when` holds, each next one only when the one before stayed within its limit.
 * `counters` are placeholders or values, in the order of `countersOf`.
 */
export function chargeAttemptCtes(
  counters: readonly { key: unknown; windowStart: unknown; limit: unknown }[],
  when: SQL,
): SQL {
  const ctes = counters.map((counter, i) => {
    const previous = counters[i - 1];
    const charged =
      previous === undefined
        ? sql`where ${when}`
        : sql`from ${sql.raw(`hit_${i - 1}`)} where ${sql.raw(`hit_${i - 1}`)}.hits <= ${previous.limit}::int`;
    return sql`${sql.raw(`hit_${i}`)} as (
      insert into ${rateLimitHits} (key, window_start, hits)
      select ${counter.key}::text, ${counter.windowStart}::timestamptz, 1 ${charged}
      on conflict (key, window_start) do update set hits = ${rateLimitHits}.hits + 1
      returning hits)`;
  });
  return sql.join(ctes, sql`, `);
}

/** Placeholders `key0`, `window0`, `limit0`, … of `count` counters, for a prepared statement. */
export function counterPlaceholders(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    key: sql.placeholder(`key${i}`),
    windowStart: sql.placeholder(`window${i}`),
    limit: sql.placeholder(`limit${i}`),
  }));
}

/** The values of `counterPlaceholders` for `counters`. */
export function counterValues(counters: readonly Counter[]): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [i, counter] of counters.entries()) {
    values[`key${i}`] = counter.key;
    values[`window${i}`] = counter.windowStart.toISOString();
    values[`limit${i}`] = counter.limit;
  }
  return values;
}

/** An attempt's counters as the two arrays `giveBackCte` takes (none: nothing to give back). */
export function givenBackValues(attempt: Attempt | null): { keys: string[]; windowStarts: string[] } {
  const taken = attempt?.taken ?? [];
  return {
    keys: taken.map((t) => t.key),
    windowStarts: taken.map((t) => t.windowStart.toISOString()),
  };
}

/** Whether the attempt `chargeAttemptCtes` counted is allowed: its last counter was charged and is within its limit. */
export function attemptAllowed(counters: readonly { limit: unknown }[]): SQL {
  const last = counters.length - 1;
  return sql`exists (select from ${sql.raw(`hit_${last}`)} where hits <= ${counters[last]?.limit}::int)`;
}

/** The new counts of `chargeAttemptCtes`, as columns `hits_0`, `hits_1`, … (null: not charged). */
export function chargedHitsColumns(count: number): SQL {
  return sql.join(
    Array.from({ length: count }, (_, i) => sql.raw(`(select hits from hit_${i}) as hits_${i}`)),
    sql`, `,
  );
}

/**
 * Gives back the counters named by the arrays `keys` and `windowStarts` (placeholders or values),
 * as a common table expression of one statement; empty arrays give back nothing. The rows are
 * locked in the arrays' order, the order `chargeAttemptCtes` charged them in: an update alone
 * locks them in its plan's order, and a give-back taking the partner's counter first deadlocks
 * with a charge of the same user holding the user's counter (two tabs of one user).
 */
export function giveBackCte(name: string, keys: unknown, windowStarts: unknown): SQL {
  return sql`${sql.raw(name)} as (
    update ${rateLimitHits} set hits = greatest(${rateLimitHits}.hits - 1, 0)
    from (select counter.key, counter.window_start
      from ${rateLimitHits} counter
      join unnest(${keys}::text[], ${windowStarts}::timestamptz[]) with ordinality as given (key, window_start, place)
        on counter.key = given.key and counter.window_start = given.window_start
      order by given.place
      for update of counter) as locked
    where ${rateLimitHits}.key = locked.key and ${rateLimitHits}.window_start = locked.window_start)`;
}

/** A successful attempt does not count against anyone (one statement for all its limits). */
export async function giveBack(db: Queryable, attempt: Attempt): Promise<void> {
  const { keys, windowStarts } = givenBackValues(attempt);
  if (keys.length === 0) return;
  // Drizzle spreads an array value into a list: the arrays go as one parameter each.
  await db.execute(sql`with ${giveBackCte('given_back', sql.param(keys), sql.param(windowStarts))} select 1`);
}

export async function deleteExpiredRateLimitWindows(db: Db, olderThan: Date): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, olderThan));
}
