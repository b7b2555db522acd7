import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  customerAccounts,
  discountLevels,
  partners,
  partnerUsers,
  sessions,
  vendorStaff,
} from '../../db/schema/index.ts';
import type { Actor } from './actor.ts';

// The session's own tables under names of their own, so that a route's read joined to the
// session (below) can use the plain tables without clashing with them.
const user = alias(partnerUsers, 'session_user');
const partner = alias(partners, 'session_partner');
const level = alias(discountLevels, 'session_level');
const staff = alias(vendorStaff, 'session_staff');
const account = alias(customerAccounts, 'session_account');

const actorColumns = {
  tokenHash: sessions.tokenHash,
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  userId: user.id,
  userEmail: user.email,
  userName: user.name,
  role: user.role,
  partnerId: partner.id,
  partnerName: partner.name,
  partnerCountry: partner.country,
  currency: partner.currency,
  discountBps: level.discountBps,
  staffId: staff.id,
  staffEmail: staff.email,
  staffName: staff.name,
  accountId: account.id,
  accountCustomerId: account.customerId,
  accountName: account.name,
  accountCountry: account.country,
};

/** Columns a route's read may scope itself by: the session owner's partner. */
export interface SessionScope {
  partnerId: PgColumn;
}

const scope: SessionScope = { partnerId: partner.id };

/**
 * The session (owner, partner, discount, open account) of a token, in one statement: a disabled
 * user or staff member matches no owner, and then there is no actor.
 */
function selectSession<S extends Record<string, SQL>>(db: Db, extra: S) {
  return db
    .select({ ...actorColumns, ...extra })
    .from(sessions)
    .leftJoin(user, and(eq(user.id, sessions.partnerUserId), isNull(user.disabledAt)))
    .leftJoin(partner, eq(partner.id, user.partnerId))
    .leftJoin(level, eq(level.id, partner.discountLevelId))
    .leftJoin(staff, and(eq(staff.id, sessions.vendorStaffId), isNull(staff.disabledAt)))
    .leftJoin(account, eq(account.id, sessions.openCustomerAccountId));
}

const live = and(
  eq(sessions.tokenHash, sql.placeholder('tokenHash')),
  gt(sessions.expiresAt, sql.placeholder('now')),
);

export type SessionRow = {
  [K in keyof typeof actorColumns]: (typeof actorColumns)[K]['_']['notNull'] extends true
    ? (typeof actorColumns)[K]['_']['data']
    : (typeof actorColumns)[K]['_']['data'] | null;
};

export interface SessionStatement {
  execute(values: { tokenHash: string; now: Date }): Promise<SessionRow[]>;
}

/** The hot statement of every logged-in request, prepared (named) once per database. */
export function prepareSessionStatement(db: Db): SessionStatement {
  return selectSession(db, {}).where(live).prepare('session_actor') as unknown as SessionStatement;
}

/**
 * A read that shares the session's round trip: a route that looks one thing up (a quote by
 * number) gets its actor and its answer from one prepared statement. `read` builds a single
 * `found` value (see jsonObject), scoped by the session's partner.
 */
export type LookupRead<T> = (scope: SessionScope) => SQL<T>;

export interface LookupStatement<T> {
  execute(values: Record<string, unknown>): Promise<(SessionRow & { found: T | null })[]>;
}

export function prepareLookupStatement<T>(db: Db, name: string, read: LookupRead<T>): LookupStatement<T> {
  return selectSession(db, { found: sql<T | null>`(${read(scope)})` })
    .where(live)
    .prepare(name) as unknown as LookupStatement<T>;
}

/** The actor a session row describes, or null when its owner is disabled or gone. */
export function actorFrom(row: SessionRow): Actor | null {
  const session = { sessionTokenHash: row.tokenHash, csrfToken: row.csrfToken };
  const { userId, userEmail, userName, role, partnerId, partnerName, partnerCountry, currency, discountBps } =
    row;
  if (userId && userEmail && userName && role && partnerId && partnerName && partnerCountry && currency) {
    return {
      ...session,
      kind: 'partner_user',
      userId,
      email: userEmail,
      name: userName,
      role,
      partner: {
        id: partnerId,
        name: partnerName,
        country: partnerCountry,
        currency,
        discountBps: discountBps ?? 0,
      },
      openAccount:
        row.accountId && row.accountCustomerId && row.accountName && row.accountCountry
          ? {
              id: row.accountId,
              customerId: row.accountCustomerId,
              name: row.accountName,
              country: row.accountCountry,
            }
          : null,
    };
  }
  if (row.staffId && row.staffEmail && row.staffName) {
    return {
      ...session,
      kind: 'vendor_staff',
      staffId: row.staffId,
      email: row.staffEmail,
      name: row.staffName,
    };
  }
  return null;
}
