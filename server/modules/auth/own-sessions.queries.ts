import { and, desc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';

export interface OwnSessionRow {
  id: string;
  tokenHash: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** A partner user's sessions not expired at `now`, the newest login first. */
export async function findLiveUserSessions(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<OwnSessionRow[]> {
  return db
    .select({
      id: sessions.id,
      tokenHash: sessions.tokenHash,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.partnerUserId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
}

/**
 * Deletes the session of this public id if it is the user's own and still live (one statement: the
 * owner is part of the match, so another user's id matches nothing); answers whether one went.
 */
export async function deleteUserSession(
  db: Queryable,
  input: { userId: string; id: string; now: Date },
): Promise<{ tokenHash: string } | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.id, input.id),
        eq(sessions.partnerUserId, input.userId),
        gt(sessions.expiresAt, input.now),
      ),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return row;
}
