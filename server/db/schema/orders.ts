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
import type { OrderDocument } from '../../modules/orders/order-document.ts';
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
