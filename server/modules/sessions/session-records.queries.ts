import { eq, lt, type SQL, sql } from 'drizzle-orm';
import type { AccountAccess } from '../../../contract/customers.ts';
import type { Database, Queryable } from '../../db/client.ts';
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

/**
 * `updateSessionOpenAccount` as a common table expression `name` of a caller's statement, so that
 * opening an account and what goes with it take one round trip. Values may be placeholders.
 */
export function openAccountCte(
  name: string,
  values: { tokenHash: unknown; customerAccountId: unknown; access: unknown },
): SQL {
  return sql`${sql.raw(name)} as (
    update ${sessions}
    set open_customer_account_id = ${values.customerAccountId}::uuid,
      open_account_access = ${values.access}::account_access
    where token_hash = ${values.tokenHash}::text)`;
}

/** Deletes the sessions whose (idle) expiry passed by `now`. */
export async function deleteSessionsExpiredBy(db: Queryable, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/**
 * Records where the primary's WAL stands now, after a write of the session has committed, as the
 * position a standby must have replayed before the session's list pages may read from it. One
 * prepared statement; its own commit does not wait for the disk (`synchronous_commit` off for this
 * statement only): the position is visible to the next request at once, and a crash that loses it
 * loses nothing else, as the primary starts again with the standby behind it anyway.
 */
export function prepareNoteWrite(database: Database): (tokenHash: string) => Promise<void> {
  const text = `with unhurried as (select set_config('synchronous_commit', 'off', true))
    update sessions set written_lsn = greatest(written_lsn, pg_current_wal_lsn())
    from unhurried where token_hash = $1`;
  return async (tokenHash) => {
    await database.runNamed('session_note_write', text, [tokenHash]);
  };
}
