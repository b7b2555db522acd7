import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.ts';
import { customerAccounts, customerTeams } from './customers.ts';

/** Subscriptions of one account that renew together and share a billing cycle (SPEC §2). */
export const subscriptionPacks = pgTable(
  'subscription_packs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    packNumber: text('pack_number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'subscription_packs_number_format',
      sql`${t.packNumber} ~ '^(0[1-9]|1[0-2])[0-9]{2}/[A-Z0-9]{5,7}$'`,
    ),
    uniqueIndex('subscription_packs_number_unique').on(t.packNumber),
    index('subscription_packs_account_idx').on(t.customerAccountId),
  ],
);

/** One subscription seat; renewals extend the same License ID (SPEC §11a). */
export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenseId: text('license_id').notNull(),
    /**
     * SHA-256 (hex) of the license key delivered to the end user: the key finds its license
     * (SPEC §2) without being kept in clear.
     */
    licenseKeyHash: text('license_key_hash').notNull(),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    subscriptionPackId: uuid('subscription_pack_id')
      .notNull()
      .references(() => subscriptionPacks.id),
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    teamId: uuid('team_id').references(() => customerTeams.id),
    assignedEmail: text('assigned_email'),
    serviceDomain: text('service_domain'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    perpetualFallback: boolean('perpetual_fallback').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('licenses_license_id_format', sql`${t.licenseId} ~ '^[A-Z0-9]{10}$'`),
    check('licenses_period_order', sql`${t.periodEnd} > ${t.periodStart}`),
    uniqueIndex('licenses_license_id_unique').on(t.licenseId),
    index('licenses_account_idx').on(t.customerAccountId),
    index('licenses_pack_idx').on(t.subscriptionPackId),
    index('licenses_assigned_email_idx').on(t.assignedEmail),
    index('licenses_service_domain_idx').on(t.serviceDomain),
  ],
);
