import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { customerAccounts } from './customers.ts';
import { accountAccessEnum } from './enums.ts';
import { partnerUsers } from './partners.ts';
import { vendorStaff } from './staff.ts';

/** A WAL position (`0/3000148`), as PostgreSQL's `pg_lsn`; read and written as text. */
const pgLsn = customType<{ data: string }>({ dataType: () => 'pg_lsn' });

/**
 * Sessions live here, not in process memory, so any app instance can serve any request. A session
 * belongs to a partner user or to a vendor staff member, never both.
 */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a database leak does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    /** What the user's Sessions page and its sign-out name a session by: never the token's hash. */
    id: uuid('id').notNull().defaultRandom().unique(),
    partnerUserId: uuid('user_id').references(() => partnerUsers.id, { onDelete: 'cascade' }),
    vendorStaffId: uuid('vendor_staff_id').references(() => vendorStaff.id, { onDelete: 'cascade' }),
    /**
     * An account admin (a contact of the open account, signed in by a one-time link): the session is
     * theirs for that account only, while the email stays an admin contact of it.
     */
    accountAdminEmail: text('account_admin_email'),
    csrfToken: text('csrf_token').notNull(),
    openCustomerAccountId: uuid('open_customer_account_id').references(() => customerAccounts.id, {
      onDelete: 'set null',
    }),
    /**
     * How the open account was opened (SPEC §3): with the customer's proof or created by this
     * partner (`proof`), under a Purchaser grant (`purchaser`: the session statement shows the
     * account only while the grant is live), or through this partner's own order (`own_sales`: its
     * licenses and packs are the ones this partner sold). Null with no open account.
     */
    openAccountAccess: accountAccessEnum('open_account_access'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser's User-Agent at login (cut short), so the user can tell their sessions apart. */
    userAgent: text('user_agent'),
    /** Slides with use (the idle timeout), never past `absoluteExpiresAt`. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** However active, a session ends this long after login. */
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    /**
     * Where the primary's WAL stood after this session's last write, recorded only when a standby
     * serves reads: until the standby has replayed that far, the session's list pages read from the
     * primary (read-your-writes; db/standby.ts). Here, not in process memory: any app process may
     * serve the next read.
     */
    writtenLsn: pgLsn('written_lsn'),
  },
  (t) => [
    check(
      'sessions_one_owner',
      sql`num_nonnulls(${t.partnerUserId}, ${t.vendorStaffId}, ${t.accountAdminEmail}) = 1`,
    ),
    check(
      'sessions_account_admin_account',
      sql`${t.accountAdminEmail} is null or ${t.openCustomerAccountId} is not null`,
    ),
    check(
      'sessions_open_account_access',
      sql`${t.partnerUserId} is null or ${t.openCustomerAccountId} is null or ${t.openAccountAccess} is not null`,
    ),
    check('sessions_expiry_order', sql`${t.expiresAt} <= ${t.absoluteExpiresAt}`),
    index('sessions_user_idx').on(t.partnerUserId),
    index('sessions_staff_idx').on(t.vendorStaffId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Browsers a user has logged in from before (a long-lived cookie holds the token). Their login
 * attempts are limited on their own, so someone who only knows the email cannot lock its owner
 * out by failing on purpose (OWASP's "device cookies").
 */
export const loginDevices = pgTable(
  'login_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    partnerUserId: uuid('partner_user_id').references(() => partnerUsers.id, { onDelete: 'cascade' }),
    vendorStaffId: uuid('vendor_staff_id').references(() => vendorStaff.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('login_devices_one_owner', sql`(${t.partnerUserId} is null) <> (${t.vendorStaffId} is null)`),
    index('login_devices_expires_idx').on(t.expiresAt),
  ],
);

/** Fixed-window counters for rate limits, shared by every app instance. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limit_hits_window_idx').on(t.windowStart),
  ],
);

/**
 * The first answer to a request that carried an `Idempotency-Key`, kept for a day per user (or
 * staff member): a retry with the same key gets it again instead of doing the work twice.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    ownerId: uuid('owner_id').notNull(),
    key: text('key').notNull(),
    /** Method, path and body of the first request: the same key for another request is refused. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * One-time links sent by email: an account admin signs in to manage the account's Purchaser grants
 * (`account_admin`). The token itself is in the email only; here its SHA-256. A link works once,
 * until it expires. (An invitation's link is its own row's: see `partnerInvitations`.)
 */
export const oneTimeLinks = pgTable(
  'one_time_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose').notNull(),
    customerAccountId: uuid('customer_account_id').references(() => customerAccounts.id, {
      onDelete: 'cascade',
    }),
    /** The address the link was sent to (the account admin contact's). */
    email: text('email').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('one_time_links_purpose', sql`${t.purpose} in ('account_admin')`),
    check(
      'one_time_links_subject',
      sql`${t.purpose} = 'account_admin' and ${t.customerAccountId} is not null`,
    ),
  ],
);
