import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customerAccounts } from './customers.ts';
import { currencyEnum } from './enums.ts';
import { partners } from './partners.ts';

/**
 * Orders (SPEC §9): what bought or renewed licenses. The Orders section, checkout and order lines
 * come with their issues; licenses already name the order that last paid for them, so Updates &
 * Renewals finds licenses by order or PO number.
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
    currency: currencyEnum('currency').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('orders_number_format', sql`${t.orderNumber} ~ '^R-[0-9]{4}-[0-9]{6,9}$'`),
    uniqueIndex('orders_number_unique').on(t.orderNumber),
    index('orders_account_po_idx').on(t.customerAccountId, t.poNumber),
    index('orders_partner_created_idx').on(t.partnerId, t.createdAt),
  ],
);
