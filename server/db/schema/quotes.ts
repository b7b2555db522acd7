import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { QuoteDocument } from '../documents/quote-document.ts';
import { emailPartIndexes } from '../email-parts.ts';
import { products } from './catalog.ts';
import { customerAccounts } from './customers.ts';
import { currencyEnum, documentKindEnum, lineKindEnum, quoteOriginEnum, quoteStatusEnum } from './enums.ts';
import { partners, partnerUsers } from './partners.ts';

/**
 * Reseller quotes (owned by a partner) and vendor direct quotes (no partner) share one number space
 * (SPEC §2); `origin` tells which.
 */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteNumber: text('quote_number').notNull(),
    origin: quoteOriginEnum('origin').notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    createdByUserId: uuid('created_by_user_id').references(() => partnerUsers.id),
    status: quoteStatusEnum('status').notNull().default('open'),
    currency: currencyEnum('currency').notNull(),
    discountBps: integer('discount_bps').notNull(),
    billingAddress: jsonb('billing_address').notNull(),
    /** The quote as issued, read whole (see quote-document.ts); status and cancellation beside it. */
    document: json('document').$type<QuoteDocument>().notNull(),
    endUserName: text('end_user_name').notNull(),
    endUserEmail: text('end_user_email').notNull(),
    endUserCompany: text('end_user_company'),
    poNumber: text('po_number'),
    listTotalMinor: bigint('list_total_minor', { mode: 'number' }).notNull(),
    discountTotalMinor: bigint('discount_total_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** The direct quote this reseller quote was converted from (SPEC §3 item 4). */
    convertedFromQuoteId: uuid('converted_from_quote_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('quotes_number_format', sql`${t.quoteNumber} ~ '^Q-[0-9]{4}-[0-9]{6,9}$'`),
    check('quotes_reseller_has_partner', sql`${t.origin} = 'direct' or ${t.partnerId} is not null`),
    check('quotes_cancelled_when', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check('quotes_totals_add_up', sql`${t.totalMinor} = ${t.listTotalMinor} - ${t.discountTotalMinor}`),
    check('quotes_end_user_email_lower', sql`${t.endUserEmail} = lower(${t.endUserEmail})`),
    uniqueIndex('quotes_number_unique').on(t.quoteNumber),
    index('quotes_partner_created_idx').on(t.partnerId, t.createdAt),
    index('quotes_partner_end_user_email_idx').on(t.partnerId, t.endUserEmail),
    index('quotes_partner_po_idx').on(t.partnerId, t.poNumber),
    index('quotes_partner_account_idx').on(t.partnerId, t.customerAccountId),
    index('quotes_number_trgm_idx').using('gin', t.quoteNumber.op('gin_trgm_ops')),
    index('quotes_end_user_email_trgm_idx').using('gin', t.endUserEmail.op('gin_trgm_ops')),
    index('quotes_po_number_trgm_idx').using('gin', t.poNumber.op('gin_trgm_ops')),
    ...emailPartIndexes('quotes', t.partnerId, t.endUserEmail),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    productName: text('product_name').notNull(),
    kind: lineKindEnum('kind').notNull(),
    quantity: integer('quantity').notNull(),
    termYears: integer('term_years'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    serviceDomain: text('service_domain'),
    unitListMinor: bigint('unit_list_minor', { mode: 'number' }).notNull(),
    listMinor: bigint('list_minor', { mode: 'number' }).notNull(),
    discountMinor: bigint('discount_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    perpetualFallback: boolean('perpetual_fallback').notNull(),
    /** The product an upgrade or downgrade leaves. */
    fromProductCode: text('from_product_code').references(() => products.code),
    /** An upgrade's credit for the unused value of the old subscription (≤ 0), included in the amounts above. */
    creditListMinor: bigint('credit_list_minor', { mode: 'number' }).notNull().default(0),
    creditMinor: bigint('credit_minor', { mode: 'number' }).notNull().default(0),
    /**
     * What the partner charges the customer for the whole line, typed on the quote for the customer
     * copy (issue 18); null: the customer copy shows the list price. Never part of the frozen
     * document: it is the partner's own figure and may change while the quote is open.
     */
    resaleMinor: bigint('resale_minor', { mode: 'number' }),
  },
  (t) => [
    check('quote_lines_quantity_range', sql`${t.quantity} between 1 and 10000`),
    check('quote_lines_period_order', sql`${t.periodEnd} > ${t.periodStart}`),
    check('quote_lines_totals_add_up', sql`${t.totalMinor} = ${t.listMinor} - ${t.discountMinor}`),
    check('quote_lines_resale_not_negative', sql`${t.resaleMinor} >= 0`),
    check('quote_lines_credit_not_positive', sql`${t.creditListMinor} <= 0 and ${t.creditMinor} <= 0`),
    uniqueIndex('quote_lines_quote_line_unique').on(t.quoteId, t.lineNo),
  ],
);

/** Gapless yearly counters behind Q-/R-/INV- numbers, incremented inside the creating transaction. */
export const documentCounters = pgTable(
  'document_counters',
  {
    kind: documentKindEnum('kind').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [uniqueIndex('document_counters_kind_year_unique').on(t.kind, t.year)],
);
