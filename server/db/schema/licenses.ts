import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.ts';
import { customerAccounts, customerTeams } from './customers.ts';
import { orderLines, orders } from './orders.ts';
import { quoteLines } from './quotes.ts';

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
    /** The key sealed (AES-256-GCM) to show it again on the order and in the activation email. */
    licenseKeySealed: text('license_key_sealed'),
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
    /** The order that bought or last renewed the license (SPEC §5 search by order or PO number). */
    lastOrderId: uuid('last_order_id').references(() => orders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('licenses_last_order_idx').on(t.lastOrderId),
    check('licenses_license_id_format', sql`${t.licenseId} ~ '^[A-Z0-9]{10}$'`),
    check('licenses_period_order', sql`${t.periodEnd} > ${t.periodStart}`),
    uniqueIndex('licenses_license_id_unique').on(t.licenseId),
    index('licenses_account_idx').on(t.customerAccountId),
    index('licenses_pack_idx').on(t.subscriptionPackId),
    index('licenses_assigned_email_idx').on(t.assignedEmail),
    index('licenses_service_domain_idx').on(t.serviceDomain),
  ],
);

/**
 * One row per paid period of a license: renewals extend the same License ID with a new row, and
 * upgrades and downgrades stay traceable (the product of each period). A license is paid for a
 * day once: the paid periods of a license never overlap (an exclusion constraint, in migration
 * 0012, beside the unique start), so of two orders renewing or upgrading it for the same time the
 * second is refused, whichever carts or partners they came from.
 */
export const licensePeriods = pgTable(
  'license_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    perpetualFallback: boolean('perpetual_fallback').notNull(),
    /** The order that paid for this period (null for periods carried over from elsewhere)… */
    orderId: uuid('order_id').references(() => orders.id),
    /** …and its line. */
    orderLineId: uuid('order_line_id').references(() => orderLines.id),
    /**
     * When an upgrade replaced the rest of this period, the end it had: the period now ends on the
     * upgrade's first day, so paid periods of a license never overlap.
     */
    cutShortFrom: date('cut_short_from', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('license_periods_order', sql`${t.periodEnd} > ${t.periodStart}`),
    uniqueIndex('license_periods_license_start_unique').on(t.licenseId, t.periodStart),
    // What a partner sold (an own-sales session, the orders of a license search) starts from its orders.
    index('license_periods_order_idx').on(t.orderId),
  ],
);

/** The licenses a quoted renewal, upgrade or downgrade extends (SPEC §5). */
export const quoteLineLicenses = pgTable(
  'quote_line_licenses',
  {
    quoteLineId: uuid('quote_line_id')
      .notNull()
      .references(() => quoteLines.id, { onDelete: 'cascade' }),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id),
  },
  (t) => [
    primaryKey({ columns: [t.quoteLineId, t.licenseId] }),
    index('quote_line_licenses_license_idx').on(t.licenseId),
  ],
);
