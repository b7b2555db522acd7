import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Currency } from '../../../contract/money.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import { discountLevels, partners, partnerUsers, sessions } from '../../db/schema/index.ts';

export const SESSION_COOKIE = 'pp_session';
export const CSRF_COOKIE = 'pp_csrf';
/** Idle timeout: a session unused for this long is gone. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** How stale `last_seen_at` may get before a request slides the expiry (saves a write per request). */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Who is calling, resolved from the session cookie on every authenticated request. */
export interface Actor {
  sessionTokenHash: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  partner: { id: string; name: string; country: string; currency: Currency; discountBps: number };
  openCustomerAccountId: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Queryable, userId: string, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000),
  });
  return { token, csrfToken };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function findActor(db: Queryable, token: string, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      openCustomerAccountId: sessions.openCustomerAccountId,
      userId: partnerUsers.id,
      email: partnerUsers.email,
      name: partnerUsers.name,
      role: partnerUsers.role,
      partnerId: partners.id,
      partnerName: partners.name,
      partnerCountry: partners.country,
      currency: partners.currency,
      discountBps: discountLevels.discountBps,
    })
    .from(sessions)
    .innerJoin(partnerUsers, eq(partnerUsers.id, sessions.userId))
    .innerJoin(partners, eq(partners.id, partnerUsers.partnerId))
    .innerJoin(discountLevels, eq(discountLevels.id, partners.discountLevelId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        sql`${partnerUsers.disabledAt} is null`,
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    sessionTokenHash: tokenHash,
    csrfToken: row.csrfToken,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    partner: {
      id: row.partnerId,
      name: row.partnerName,
      country: row.partnerCountry,
      currency: row.currency as Currency,
      discountBps: row.discountBps,
    },
    openCustomerAccountId: row.openCustomerAccountId,
  };
}

export async function setOpenCustomerAccount(
  db: Queryable,
  sessionTokenHash: string,
  customerAccountId: string | null,
): Promise<void> {
  await db
    .update(sessions)
    .set({ openCustomerAccountId: customerAccountId })
    .where(eq(sessions.tokenHash, sessionTokenHash));
}

export async function deleteExpiredSessions(db: Queryable, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
