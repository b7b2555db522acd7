import { eq, lt, sql } from 'drizzle-orm';
import type { AccountAccess } from '../../../contract/customers.ts';
import type { Queryable } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';

export async function insertSession(db: Queryable, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function deleteSessionRow(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Marks the session seen at `now` and moves its expiry to `idleExpiresAt` or its absolute expiry,
 * whichever is first; answers the new expiry, or null for no such session.
 */
export async function updateSessionSeen(
  db: Queryable,
  tokenHash: string,
  now: Date,
  idleExpiresAt: Date,
): Promise<Date | null> {
  const [row] = await db
    .update(sessions)
    .set({
      lastSeenAt: now,
      expiresAt: sql`least(${idleExpiresAt}::timestamptz, ${sessions.absoluteExpiresAt})`,
    })
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ expiresAt: sessions.expiresAt });
  return row?.expiresAt ?? null;
}

export async function updateSessionOpenAccount(
  db: Queryable,
  tokenHash: string,
  open: { customerAccountId: string; access: AccountAccess } | null,
): Promise<void> {
  await db
    .update(sessions)
    .set({ openCustomerAccountId: open?.customerAccountId ?? null, openAccountAccess: open?.access ?? null })
    .where(eq(sessions.tokenHash, tokenHash));
}

/** Deletes the sessions whose (idle) expiry passed by `now`. */
export async function deleteSessionsExpiredBy(db: Queryable, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
