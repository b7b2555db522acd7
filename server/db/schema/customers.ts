import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { grantRoleEnum } from './enums.ts';
import { partners, partnerUsers } from './partners.ts';

/** An end-customer organisation at the vendor; owned by no partner (SPEC §1). */
export const customerAccounts = pgTable(
  'customer_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    /** Set when a partner created the account for its customer (opens without the email step). */
    createdByPartnerId: uuid('created_by_partner_id').references(() => partners.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('customer_accounts_customer_id_format', sql`${t.customerId} ~ '^[0-9]{7}$'`),
    check('customer_accounts_country_iso', sql`${t.country} ~ '^[A-Z]{2}$'`),
    uniqueIndex('customer_accounts_customer_id_unique').on(t.customerId),
    index('customer_accounts_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    /** An account admin may make a partner Purchaser of the account (SPEC §11a). */
    isAccountAdmin: boolean('is_account_admin').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('customer_contacts_email_lower', sql`${t.email} = lower(${t.email})`),
    uniqueIndex('customer_contacts_account_email_unique').on(t.customerAccountId, t.email),
    index('customer_contacts_email_idx').on(t.email),
    index('customer_contacts_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
  ],
);

export const customerTeams = pgTable(
  'customer_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('customer_teams_account_name_unique').on(t.customerAccountId, t.name)],
);

/**
 * Managed accounts: the customer made this partner Purchaser of the account. Such accounts open
 * without the email step; the customer can withdraw the grant (revokedAt).
 */
export const partnerAccountGrants = pgTable(
  'partner_account_grants',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    role: grantRoleEnum('role').notNull().default('purchaser'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.customerAccountId] }),
    index('partner_account_grants_account_idx').on(t.customerAccountId),
  ],
);

/**
 * The history of Purchaser grants (issue 10): each time an account admin made a partner Purchaser
 * or withdrew it, by whom. The grant itself is the row of partner_account_grants.
 */
export const partnerAccountGrantEvents = pgTable(
  'partner_account_grant_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    /** `granted` or `withdrawn`. */
    event: text('event').notNull(),
    /** The account admin contact who did it (null for grants made by the vendor's data loads). */
    byEmail: text('by_email'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('partner_account_grant_events_event', sql`${t.event} in ('granted', 'withdrawn')`),
    index('partner_account_grant_events_account_idx').on(t.customerAccountId, t.occurredAt),
  ],
);

/** The accounts a partner user opened lately, for the start page (one row per account, newest wins). */
export const recentCustomerAccounts = pgTable(
  'recent_customer_accounts',
  {
    partnerUserId: uuid('partner_user_id')
      .notNull()
      .references(() => partnerUsers.id, { onDelete: 'cascade' }),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id, { onDelete: 'cascade' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerUserId, t.customerAccountId] }),
    index('recent_customer_accounts_user_opened_idx').on(t.partnerUserId, t.openedAt),
  ],
);
