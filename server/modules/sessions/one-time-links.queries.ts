import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { oneTimeLinks } from '../../db/schema/index.ts';

export async function insertOneTimeLink(
  db: Queryable,
  values: typeof oneTimeLinks.$inferInsert,
): Promise<void> {
  await db.insert(oneTimeLinks).values(values);
}

/** A link of this token hash and purpose, not used and not expired at `now`. */
const usable = (tokenHash: string, purpose: string, now: Date) =>
  and(
    eq(oneTimeLinks.tokenHash, tokenHash),
    eq(oneTimeLinks.purpose, purpose),
    isNull(oneTimeLinks.usedAt),
    gt(oneTimeLinks.expiresAt, now),
  );

const columns = {
  purpose: oneTimeLinks.purpose,
  customerAccountId: oneTimeLinks.customerAccountId,
  email: oneTimeLinks.email,
  expiresAt: oneTimeLinks.expiresAt,
};

export interface LinkRow {
  purpose: string;
  customerAccountId: string | null;
  email: string;
  expiresAt: Date;
}

export async function findUsableLink(
  db: Queryable,
  tokenHash: string,
  purpose: string,
  now: Date,
): Promise<LinkRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(oneTimeLinks)
    .where(usable(tokenHash, purpose, now));
  return row;
}

/** Marks a usable link used at `now` (one statement: of two at once, one wins) and answers it. */
export async function markLinkUsed(
  db: Queryable,
  tokenHash: string,
  purpose: string,
  now: Date,
): Promise<LinkRow | undefined> {
  const [row] = await db
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(usable(tokenHash, purpose, now))
    .returning(columns);
  return row;
}
