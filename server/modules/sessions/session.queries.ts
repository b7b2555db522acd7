import { and, eq, gt, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { defaultLocaleFor, type Locale } from '../../../contract/catalog.ts';
import type { AccountAccess } from '../../../contract/customers.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Role } from '../../../contract/permissions.ts';
import { livePurchaserGrant } from '../../db/account-grants.ts';
import type { Database, Queryable } from '../../db/client.ts';
import { type HotStatement, prepareHotStatement } from '../../db/hot-statement.ts';
import {
  customerAccounts,
  customerContacts,
  discountLevels,
  partnerAccountGrants,
  partners,
  partnerUsers,
  sessions,
  vendorStaff,
} from '../../db/schema/index.ts';
import type { LookupRead, SessionScope } from '../../http/session-gate.ts';
import type { Actor } from '../../shared/actor.ts';

// The session's own tables under names of their own, so that a route's read joined to the
// session (below) can use the plain tables without clashing with them.
const user = alias(partnerUsers, 'session_user');
const partner = alias(partners, 'session_partner');
const level = alias(discountLevels, 'session_level');
const staff = alias(vendorStaff, 'session_staff');
const account = alias(customerAccounts, 'session_account');
const adminContact = alias(customerContacts, 'session_admin_contact');
const grant = alias(partnerAccountGrants, 'session_grant');

const actorColumns = {
  tokenHash: sessions.tokenHash,
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  writtenLsn: sql<string | null>`${sessions.writtenLsn}::text`,
  userId: user.id,
  userEmail: user.email,
  userName: user.name,
  role: user.role,
  userLocale: user.locale,
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
  accountAccess: sessions.openAccountAccess,
  accountPurchaser: sql<boolean>`${grant.partnerId} is not null`,
  adminEmail: adminContact.email,
};

/** The session's columns a route's lookup may scope itself by (see http/session-gate.ts). */
const scope: SessionScope = {
  partnerId: partner.id,
  userId: user.id,
  openAccountId: account.id,
  currency: partner.currency,
};

/**
 * The session (owner, partner, discount, open account) of a token, in one statement: a disabled
 * user or staff member matches no owner, and then there is no actor. This is where the one
 * account-access rule holds for every request (SPEC §3): an account opened under a Purchaser grant
 * is open only while the grant is live, so a withdrawn grant ends it at the next request.
 */
function selectSession<S extends Record<string, SQL>>(db: Queryable, extra: S) {
  return (
    db
      .select({ ...actorColumns, ...extra })
      .from(sessions)
      .leftJoin(user, and(eq(user.id, sessions.partnerUserId), isNull(user.disabledAt)))
      .leftJoin(partner, eq(partner.id, user.partnerId))
      .leftJoin(level, eq(level.id, partner.discountLevelId))
      .leftJoin(staff, and(eq(staff.id, sessions.vendorStaffId), isNull(staff.disabledAt)))
      .leftJoin(grant, livePurchaserGrant(grant, partner.id, sessions.openCustomerAccountId))
      .leftJoin(
        account,
        and(
          eq(account.id, sessions.openCustomerAccountId),
          or(
            isNotNull(sessions.accountAdminEmail),
            ne(sessions.openAccountAccess, 'purchaser'),
            isNotNull(grant.partnerId),
          ),
        ),
      )
      // An account admin's session holds while the email is still an admin contact of the account.
      .leftJoin(
        adminContact,
        and(
          eq(adminContact.customerAccountId, sessions.openCustomerAccountId),
          eq(adminContact.email, sessions.accountAdminEmail),
          eq(adminContact.isAccountAdmin, true),
        ),
      )
  );
}

const live = and(
  eq(sessions.tokenHash, sql.placeholder('tokenHash')),
  gt(sessions.expiresAt, sql.placeholder('now')),
);

/** One row of the session statement: the owner's columns are null for the other kind of owner. */
export interface SessionRow {
  tokenHash: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Where the WAL stood after the session's last write, while a standby serves reads. */
  writtenLsn: string | null;
  userId: string | null;
  userEmail: string | null;
  userName: string | null;
  role: Role | null;
  userLocale: Locale | null;
  partnerId: string | null;
  partnerName: string | null;
  partnerCountry: string | null;
  currency: Currency | null;
  discountBps: number | null;
  staffId: string | null;
  staffEmail: string | null;
  staffName: string | null;
  accountId: string | null;
  accountCustomerId: string | null;
  accountName: string | null;
  accountCountry: string | null;
  accountAccess: AccountAccess | null;
  accountPurchaser: boolean;
  adminEmail: string | null;
}

const columnNames = Object.keys(actorColumns) as (keyof SessionRow)[];

export type SessionStatement = HotStatement<SessionRow>;

/** The hot statement of every logged-in request, prepared (named) once per database. */
export function prepareSessionStatement(database: Database): SessionStatement {
  return prepareHotStatement<SessionRow>(
    database,
    'session_actor',
    selectSession(database.db, {}).where(live),
    columnNames,
  );
}

/** The same read, through Drizzle, inside a transaction or off the hot path (after a login). */
export async function findSessionRow(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<SessionRow | null> {
  const [row] = await selectSession(db, {}).where(
    and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)),
  );
  return row ?? null;
}

export type LookupStatement<T> = HotStatement<SessionRow & { found: T | null }>;

export function prepareLookupStatement<T>(
  database: Database,
  name: string,
  read: LookupRead<T>,
): LookupStatement<T> {
  return prepareHotStatement<SessionRow & { found: T | null }>(
    database,
    name,
    selectSession(database.db, { found: sql<T | null>`(${read(scope)})` }).where(live),
    [...columnNames, 'found'],
  );
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
      locale: row.userLocale ?? defaultLocaleFor(partnerCountry),
      partner: {
        id: partnerId,
        name: partnerName,
        country: partnerCountry,
        currency,
        discountBps: discountBps ?? 0,
      },
      openAccount:
        row.accountId && row.accountCustomerId && row.accountName && row.accountCountry && row.accountAccess
          ? {
              id: row.accountId,
              customerId: row.accountCustomerId,
              name: row.accountName,
              country: row.accountCountry,
              access: row.accountAccess,
              purchaser: row.accountPurchaser,
            }
          : null,
    };
  }
  if (row.adminEmail && row.accountId && row.accountCustomerId && row.accountName && row.accountCountry) {
    return {
      ...session,
      kind: 'account_admin',
      email: row.adminEmail,
      account: {
        id: row.accountId,
        customerId: row.accountCustomerId,
        name: row.accountName,
        country: row.accountCountry,
      },
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
