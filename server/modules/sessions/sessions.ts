import { hash, randomBytes } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { AccountAccess } from '../../../contract/customers.ts';
import type { Queryable } from '../../db/client.ts';
import {
  deleteSessionRow,
  deleteSessionsExpiredBy,
  insertSession,
  openAccountCte,
  updateSessionOpenAccount,
  updateSessionSeen,
} from './session-records.queries.ts';

/** Idle timeout: a session unused for this long is gone. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** Absolute lifetime: a working day, however active the session is. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** How stale `last_seen_at` may get before a request slides the expiry (saves a write per request). */
export const TOUCH_AFTER_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  // One-shot hashing: every request hashes its cookie, and this skips building a Hash object.
  return hash('sha256', token, 'hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Who logs in with a password (and may have remembered devices). */
export type LoginOwner = { partnerUserId: string } | { vendorStaffId: string };
/** What a password login checks, as the partners and staff modules find it by email. */
export interface Credentials {
  owner: LoginOwner;
  partnerId: string | null;
  passwordHash: string;
  disabled: boolean;
}

export type SessionOwner = LoginOwner | { accountAdmin: { email: string; customerAccountId: string } };

/** An account admin's session is short: signed in by a link for one errand, it ends within the hour. */
export const ACCOUNT_ADMIN_SESSION_SECONDS = 60 * 60;

export interface NewSession {
  token: string;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Enough of a User-Agent to tell browsers apart; the rest is not kept. */
export const USER_AGENT_MAX = 300;

export async function createSession(
  db: Queryable,
  owner: SessionOwner,
  now: Date,
  userAgent?: string,
): Promise<NewSession> {
  const token = newToken();
  const admin = 'accountAdmin' in owner ? owner.accountAdmin : null;
  const lifetime = admin ? ACCOUNT_ADMIN_SESSION_SECONDS : SESSION_ABSOLUTE_SECONDS;
  const session = {
    token,
    tokenHash: hashToken(token),
    csrfToken: newToken(),
    expiresAt: new Date(now.getTime() + Math.min(SESSION_IDLE_SECONDS, lifetime) * 1000),
  };
  await insertSession(db, {
    tokenHash: session.tokenHash,
    partnerUserId: 'partnerUserId' in owner ? owner.partnerUserId : null,
    vendorStaffId: 'vendorStaffId' in owner ? owner.vendorStaffId : null,
    accountAdminEmail: admin?.email ?? null,
    openCustomerAccountId: admin?.customerAccountId ?? null,
    csrfToken: session.csrfToken,
    createdAt: now,
    lastSeenAt: now,
    userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null,
    expiresAt: session.expiresAt,
    absoluteExpiresAt: new Date(now.getTime() + lifetime * 1000),
  });
  return session;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await deleteSessionRow(db, tokenHash);
}

/**
 * Slides the idle expiry, never past the absolute one; answers the new expiry so that the cookie
 * can be sent again with it.
 */
export async function touchSession(db: Queryable, tokenHash: string, now: Date): Promise<Date | null> {
  return updateSessionSeen(db, tokenHash, now, new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000));
}

/** Opens an account in the session on the ground `access` names, or closes it (null). */
export async function setOpenCustomerAccount(
  db: Queryable,
  sessionTokenHash: string,
  open: { customerAccountId: string; access: AccountAccess } | null,
): Promise<void> {
  await updateSessionOpenAccount(db, sessionTokenHash, open);
}

/**
 * The same as part of a caller's statement (a common table expression named `name`), so that
 * opening an account, remembering it and auditing it take one round trip.
 */
export function openCustomerAccountCte(
  name: string,
  values: { tokenHash: unknown; customerAccountId: unknown; access: unknown },
): SQL {
  return openAccountCte(name, values);
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  // The idle expiry never passes the absolute one (a check constraint), so it alone decides.
  await deleteSessionsExpiredBy(db, now);
}
