import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OrderDocument } from '../documents/order-document.ts';
import { emailPartIndexes } from '../email-parts.ts';
import { products } from './catalog.ts';
import { customerAccounts } from './customers.ts';
import { currencyEnum, lineKindEnum } from './enums.ts';
import { partners, partnerUsers } from './partners.ts';
import { quotes } from './quotes.ts';

/**
 * Orders (SPEC §9): what bought or renewed licenses. The Orders section and checkout come with their
 * issues; licenses already name the order that last paid for them, so Updates & Renewals finds
 * licenses by order or PO number, and each paid period names the order line that paid it.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderNumber: text('order_number').notNull(),
    /** The reseller that placed it; null for an order placed with the vendor directly. */
    partnerId: uuid('partner_id').references(() => partners.id),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    poNumber: text('po_number'),
    /** The licensee's email (lower case), as the customer email the Orders search finds. */
    endUserEmail: text('end_user_email'),
    currency: currencyEnum('currency').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    /** The quote it was placed from: one order per quote (unique). */
    quoteId: uuid('quote_id').references(() => quotes.id),
    /** What the order shows that cannot change: its lines as priced, from the quote (null for carried-over orders). */
    document: jsonb('document').$type<OrderDocument>(),
    /** The partner user who placed it (null for orders carried over from elsewhere). */
    createdByUserId: uuid('created_by_user_id').references(() => partnerUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_quote_unique').on(t.quoteId),
    check('orders_number_format', sql`${t.orderNumber} ~ '^R-[0-9]{4}-[0-9]{6,9}$'`),
    uniqueIndex('orders_number_unique').on(t.orderNumber),
    index('orders_account_po_idx').on(t.customerAccountId, t.poNumber),
    index('orders_partner_created_idx').on(t.partnerId, t.createdAt),
    // The Orders search (SPEC §9): each arm of its OR has an index, as the Quotes search does.
    index('orders_partner_account_idx').on(t.partnerId, t.customerAccountId),
    index('orders_partner_end_user_email_idx').on(t.partnerId, t.endUserEmail),
    index('orders_number_trgm_idx').using('gin', t.orderNumber.op('gin_trgm_ops')),
    index('orders_po_number_trgm_idx').using('gin', t.poNumber.op('gin_trgm_ops')),
    index('orders_end_user_email_trgm_idx').using('gin', t.endUserEmail.op('gin_trgm_ops')),
    ...emailPartIndexes('orders', t.partnerId, t.endUserEmail),
    check('orders_end_user_email_lower', sql`${t.endUserEmail} = lower(${t.endUserEmail})`),
  ],
);

/** What an order paid for, line by line; each paid period of a license names its line. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    kind: lineKindEnum('kind').notNull(),
    /** The product an upgrade or downgrade left. */
    fromProductCode: text('from_product_code').references(() => products.code),
    quantity: integer('quantity').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    listMinor: bigint('list_minor', { mode: 'number' }).notNull(),
    discountMinor: bigint('discount_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    /** An upgrade's credit (≤ 0), included in the amounts above. */
    creditMinor: bigint('credit_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    check('order_lines_quantity_range', sql`${t.quantity} between 1 and 10000`),
    check('order_lines_period_order', sql`${t.periodEnd} > ${t.periodStart}`),
    check('order_lines_totals_add_up', sql`${t.totalMinor} = ${t.listMinor} - ${t.discountMinor}`),
    check('order_lines_credit_not_positive', sql`${t.creditMinor} <= 0`),
    uniqueIndex('order_lines_order_line_unique').on(t.orderId, t.lineNo),
  ],
);

/** What an order attempt takes the money by, resolved when the quote is claimed (never card data). */
export type AttemptPayment =
  | { channel: 'postpaid' }
  | { channel: 'card'; token: string }
  | { channel: 'paypal_order'; orderId: string }
  | { channel: 'paypal_vault'; vaultId: string };

/** A captured charge, as the provider answered it. */
export interface AttemptCharge {
  provider: string;
  reference: string;
  brand: string | null;
  last4: string | null;
}

/**
 * Place order in steps (SPEC §8): the quote is claimed (`ordering`) with this row in one
 * transaction, the charge runs with no transaction open, and the order is recorded in a second one.
 * The row is also the request's idempotency record (one per user and Idempotency-Key) and what a
 * recovery job settles when a process died between the steps: a lease says who works on it now.
 */
export const orderAttempts = pgTable(
  'order_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    partnerUserId: uuid('partner_user_id')
      .notNull()
      .references(() => partnerUsers.id),
    /** The request's Idempotency-Key (a drawn one when the request had none). */
    attemptKey: text('attempt_key').notNull(),
    /** SHA-256 of the request: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id),
    payment: jsonb('payment').$type<AttemptPayment>().notNull(),
    /** The provider's idempotency key of the charge: a retry or the recovery finds the first charge. */
    chargeKey: text('charge_key').notNull(),
    /** charging → charged → completed, or released (no order; the quote open again). */
    status: text('status').notNull(),
    charge: jsonb('charge').$type<AttemptCharge>(),
    orderId: uuid('order_id').references(() => orders.id),
    /** Why it was released (a decline, a refused step), as the error code the user saw. */
    releasedBecause: text('released_because'),
    /** Until when a request or the recovery job works on it; past it, anyone may take it over. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('order_attempts_status', sql`${t.status} in ('charging', 'charged', 'completed', 'released')`),
    check('order_attempts_completed_order', sql`(${t.status} = 'completed') = (${t.orderId} is not null)`),
    check('order_attempts_charged_charge', sql`${t.status} <> 'charged' or ${t.charge} is not null`),
    uniqueIndex('order_attempts_user_key_unique').on(t.partnerUserId, t.attemptKey),
    // One live claim per quote: the quote's `ordering` status and this row go together.
    uniqueIndex('order_attempts_live_quote_unique')
      .on(t.quoteId)
      .where(sql`${t.status} in ('charging', 'charged')`),
    index('order_attempts_live_lease_idx')
      .on(t.leaseUntil)
      .where(sql`${t.status} in ('charging', 'charged')`),
  ],
);
