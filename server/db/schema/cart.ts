import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.ts';
import { customerAccounts, customerTeams } from './customers.ts';
import { lineKindEnum } from './enums.ts';
import { licenses, subscriptionPacks } from './licenses.ts';
import { partners, partnerUsers } from './partners.ts';

/** A partner user's working cart for one customer account; prices are computed live from the catalog. */
export const carts = pgTable(
  'carts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    partnerUserId: uuid('partner_user_id')
      .notNull()
      .references(() => partnerUsers.id, { onDelete: 'cascade' }),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    /** Details tab: an existing team of the account that receives the new licenses… */
    teamId: uuid('team_id').references(() => customerTeams.id, { onDelete: 'set null' }),
    /** …or a team to create, by name, when the order is placed. */
    newTeamName: text('new_team_name'),
    /** Details tab: the existing pack the new subscriptions join; null starts a new pack. */
    subscriptionPackId: uuid('subscription_pack_id').references(() => subscriptionPacks.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('carts_user_account_unique').on(t.partnerUserId, t.customerAccountId),
    check('carts_one_team_choice', sql`${t.teamId} is null or ${t.newTeamName} is null`),
    index('carts_partner_idx').on(t.partnerId),
  ],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    kind: lineKindEnum('kind').notNull(),
    quantity: integer('quantity').notNull(),
    /**
     * The standard term, 1 or 2 years: the period unless `periodEnd` co-terms it, and what Set
     * Default returns to. Null only for lines that have no standard term of their own.
     */
    termYears: integer('term_years'),
    /**
     * A fixed start (a renewal starts at the old end date); null for new subscriptions, which start
     * on the day the quote or order is made, however long the line waited in the cart.
     */
    periodStart: date('period_start', { mode: 'string' }),
    /** Set Custom: the chosen end date of a co-termed line; null for a standard term, whose end follows from its start. */
    periodEnd: date('period_end', { mode: 'string' }),
    serviceDomain: text('service_domain'),
    /** The product an upgrade or downgrade leaves (SPEC §5); null for new subscriptions and renewals. */
    fromProductCode: text('from_product_code').references(() => products.code),
    /**
     * An upgrade's own end: the old subscription's end date, which Set Default restores and up to
     * which the unused value is credited. Null for other lines.
     */
    defaultPeriodEnd: date('default_period_end', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cart_lines_quantity_range', sql`${t.quantity} between 1 and 10000`),
    check('cart_lines_term_known', sql`${t.termYears} is null or ${t.termYears} in (1, 2)`),
    check(
      'cart_lines_term_or_end',
      sql`${t.termYears} is not null or ${t.periodEnd} is not null or ${t.defaultPeriodEnd} is not null`,
    ),
    check(
      'cart_lines_from_product',
      sql`(${t.kind} in ('upgrade', 'downgrade')) = (${t.fromProductCode} is not null)`,
    ),
    check('cart_lines_upgrade_end', sql`(${t.kind} = 'upgrade') = (${t.defaultPeriodEnd} is not null)`),
    check(
      'cart_lines_period_order',
      sql`${t.periodStart} is null or ${t.periodEnd} is null or ${t.periodEnd} > ${t.periodStart}`,
    ),
    index('cart_lines_cart_idx').on(t.cartId),
  ],
);

/**
 * The licenses a renewal, upgrade or downgrade line extends (SPEC §5): the same License IDs get the
 * new period when it is ordered.
 */
export const cartLineLicenses = pgTable(
  'cart_line_licenses',
  {
    cartLineId: uuid('cart_line_id')
      .notNull()
      .references(() => cartLines.id, { onDelete: 'cascade' }),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.cartLineId, t.licenseId] }),
    index('cart_line_licenses_license_idx').on(t.licenseId),
  ],
);
