import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { type AttemptCharge, type AttemptPayment, orderAttempts } from '../../db/schema/index.ts';

export type OrderAttemptRow = typeof orderAttempts.$inferSelect;
/** How an attempt pays, and what its charge took: the shapes of its `payment` and `charge` columns. */
export type { AttemptCharge, AttemptPayment };

/** The states in which an attempt holds its quote (`ordering`): the charge may be on its way. */
export const LIVE_STATUSES = ['charging', 'charged'] as const;

export async function findAttemptForUpdate(
  db: Queryable,
  key: { partnerUserId: string; attemptKey: string },
): Promise<OrderAttemptRow | null> {
  const [row] = await db
    .select()
    .from(orderAttempts)
    .where(
      and(eq(orderAttempts.partnerUserId, key.partnerUserId), eq(orderAttempts.attemptKey, key.attemptKey)),
    )
    .for('update');
  return row ?? null;
}

export async function insertAttempt(
  db: Queryable,
  values: {
    partnerId: string;
    partnerUserId: string;
    attemptKey: string;
    requestHash: string;
    quoteId: string;
    payment: AttemptPayment;
    chargeKey: string;
    leaseUntil: Date;
    now: Date;
  },
): Promise<OrderAttemptRow | null> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(orderAttempts)
    .values({ ...rest, status: 'charging', createdAt: now, updatedAt: now })
    // A parallel request with the same key inserted first: the caller reads that one.
    .onConflictDoNothing({ target: [orderAttempts.partnerUserId, orderAttempts.attemptKey] })
    .returning();
  return row ?? null;
}

/** Claims a released attempt again (a retry of a declined attempt with the same key). */
export async function reopenAttempt(
  db: Queryable,
  id: string,
  values: { payment: AttemptPayment; leaseUntil: Date; now: Date },
): Promise<void> {
  await db
    .update(orderAttempts)
    .set({
      status: 'charging',
      payment: values.payment,
      releasedBecause: null,
      charge: null,
      leaseUntil: values.leaseUntil,
      updatedAt: values.now,
    })
    .where(and(eq(orderAttempts.id, id), eq(orderAttempts.status, 'released')));
}

/**
 * Takes the lease of a live attempt whose lease ran out (its worker died or gave up): a guarded
 * update, so of two takers (a retry and the recovery job, or two app processes) one wins.
 */
export async function takeLease(
  db: Queryable,
  id: string,
  options: { now: Date; leaseUntil: Date },
): Promise<OrderAttemptRow | null> {
  const [row] = await db
    .update(orderAttempts)
    .set({ leaseUntil: options.leaseUntil, updatedAt: options.now })
    .where(
      and(
        eq(orderAttempts.id, id),
        inArray(orderAttempts.status, [...LIVE_STATUSES]),
        lt(orderAttempts.leaseUntil, options.now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markCharged(
  db: Queryable,
  id: string,
  values: { charge: AttemptCharge; now: Date },
): Promise<void> {
  await db
    .update(orderAttempts)
    .set({ status: 'charged', charge: values.charge, updatedAt: values.now })
    .where(and(eq(orderAttempts.id, id), eq(orderAttempts.status, 'charging')));
}

/** The attempt became its order; false if it was no longer live (settled by someone else). */
export async function markCompleted(
  db: Queryable,
  id: string,
  values: { orderId: string; now: Date },
): Promise<boolean> {
  const done = await db
    .update(orderAttempts)
    .set({ status: 'completed', orderId: values.orderId, updatedAt: values.now })
    .where(and(eq(orderAttempts.id, id), inArray(orderAttempts.status, [...LIVE_STATUSES])))
    .returning({ id: orderAttempts.id });
  return done.length > 0;
}

/** No order came of the attempt; false if it was no longer live. */
export async function markReleased(
  db: Queryable,
  id: string,
  values: { because: string; now: Date },
): Promise<boolean> {
  const done = await db
    .update(orderAttempts)
    .set({ status: 'released', releasedBecause: values.because, updatedAt: values.now })
    .where(and(eq(orderAttempts.id, id), inArray(orderAttempts.status, [...LIVE_STATUSES])))
    .returning({ id: orderAttempts.id });
  return done.length > 0;
}

export async function findAttempt(db: Queryable, id: string): Promise<OrderAttemptRow | null> {
  const [row] = await db.select().from(orderAttempts).where(eq(orderAttempts.id, id));
  return row ?? null;
}

/** Live attempts whose lease ran out before `now`: what the recovery job settles, oldest first. */
export async function listStaleAttempts(db: Queryable, now: Date, limit: number): Promise<OrderAttemptRow[]> {
  return db
    .select()
    .from(orderAttempts)
    .where(
      // Written as the partial index's own predicate, so the planner uses it.
      and(sql`${orderAttempts.status} in ('charging', 'charged')`, lt(orderAttempts.leaseUntil, now)),
    )
    .orderBy(asc(orderAttempts.leaseUntil))
    .limit(limit);
}

/** How many attempts are live now (for tests and operations). */
export async function countLiveAttempts(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderAttempts)
    .where(inArray(orderAttempts.status, [...LIVE_STATUSES]));
  return row?.n ?? 0;
}

/** Gives up the lease (the request ends without settling the attempt): anyone may take it at once. */
export async function endLease(db: Queryable, id: string, now: Date): Promise<void> {
  await db
    .update(orderAttempts)
    .set({ leaseUntil: new Date(now.getTime() - 1), updatedAt: now })
    .where(and(eq(orderAttempts.id, id), inArray(orderAttempts.status, [...LIVE_STATUSES])));
}

/**
 * Takes the transaction-scoped advisory lock of one user's attempt key: requests of one key claim
 * one after the other, and the lock ends with the transaction.
 */
export async function lockAttemptKey(
  tx: Queryable,
  partnerUserId: string,
  attemptKey: string,
): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`order-attempt:${partnerUserId}:${attemptKey}`}, 0))`,
  );
}
