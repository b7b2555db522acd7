import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { emailPartIndexes } from '../email-parts.ts';
import { customerAccounts } from './customers.ts';
import {
  currencyEnum,
  invoiceStatusEnum,
  paymentMethodKindEnum,
  paymentProviderEnum,
  paymentStatusEnum,
  paymentTypeEnum,
} from './enums.ts';
import { orders } from './orders.ts';
import { partners, partnerUsers } from './partners.ts';

/**
 * Money taken for an order through a payment provider: the provider's reference and what the card
 * shows (brand, last four digits) — never a card number. One charge per checkout key, however
 * often the checkout is retried.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    provider: paymentProviderEnum('provider').notNull(),
    providerReference: text('provider_reference').notNull(),
    status: paymentStatusEnum('status').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: currencyEnum('currency').notNull(),
    brand: text('brand'),
    last4: text('last4'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_last4_digits', sql`${t.last4} is null or ${t.last4} ~ '^[0-9]{4}$'`),
    check('payments_amount_positive', sql`${t.amountMinor} >= 0`),
    uniqueIndex('payments_order_unique').on(t.orderId),
    uniqueIndex('payments_provider_reference_unique').on(t.provider, t.providerReference),
  ],
);

/**
 * The partner's stored payment methods (SPEC §8): the provider's token for a card entered in its
 * hosted form, with brand, last four digits and expiry to show — never the number — or for a
 * PayPal account the buyer approved storing (its email to show). Removing one keeps the row
 * (orders paid with it still name it) but it can no longer be used.
 */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    provider: paymentProviderEnum('provider').notNull(),
    kind: paymentMethodKindEnum('kind').notNull().default('card'),
    token: text('token').notNull(),
    brand: text('brand').notNull(),
    last4: text('last4'),
    expMonth: text('exp_month'),
    expYear: text('exp_year'),
    /** A PayPal account's email, as PayPal tells it. */
    payerEmail: text('payer_email'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'payment_methods_shown_as',
      sql`(${t.kind} = 'card' and ${t.last4} ~ '^[0-9]{4}$' and ${t.expMonth} is not null and ${t.expYear} is not null)
        or (${t.kind} = 'paypal' and ${t.payerEmail} is not null and ${t.last4} is null)`,
    ),
    check('payment_methods_removed_not_default', sql`${t.removedAt} is null or not ${t.isDefault}`),
    index('payment_methods_partner_idx').on(t.partnerId),
    uniqueIndex('payment_methods_one_default')
      .on(t.partnerId)
      .where(sql`${t.isDefault} and ${t.removedAt} is null`),
  ],
);

/**
 * A PayPal account being stored (SPEC §8): PayPal's setup id, bound when it starts to the partner
 * and user who started it, so only they can complete it, once.
 */
export const paypalVaultSetups = pgTable(
  'paypal_vault_setups',
  {
    setupId: text('setup_id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    partnerUserId: uuid('partner_user_id')
      .notNull()
      .references(() => partnerUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Completed once: the stored method it became. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    paymentMethodId: uuid('payment_method_id').references(() => paymentMethods.id),
  },
  (t) => [index('paypal_vault_setups_partner_idx').on(t.partnerId)],
);

/** The invoice an order creates (SPEC §11, §11a): paid online at once, or postpaid and due later. */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceNumber: text('invoice_number').notNull(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    customerAccountId: uuid('customer_account_id')
      .notNull()
      .references(() => customerAccounts.id),
    /** The order's PO number and licensee email, kept on the invoice for its search (SPEC §11). */
    poNumber: text('po_number'),
    endUserEmail: text('end_user_email'),
    currency: currencyEnum('currency').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    paymentType: paymentTypeEnum('payment_type').notNull(),
    status: invoiceStatusEnum('status').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** The payment date: paid, or settled by a credit note (Applied). */
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('invoices_number_format', sql`${t.invoiceNumber} ~ '^INV-[0-9]{4}-[0-9]{6,9}$'`),
    check('invoices_settled_when', sql`(${t.status} in ('paid', 'applied')) = (${t.paidOn} is not null)`),
    check(
      'invoices_applied_by_credit_note',
      sql`(${t.status} = 'applied') = (${t.paymentType} = 'credit_note')`,
    ),
    check('invoices_postpaid_due', sql`${t.paymentType} <> 'postpaid' or ${t.dueOn} is not null`),
    check(
      'invoices_online_paid',
      sql`${t.paymentType} <> 'online' or (${t.status} = 'paid' and ${t.dueOn} is null)`,
    ),
    check('invoices_end_user_email_lower', sql`${t.endUserEmail} = lower(${t.endUserEmail})`),
    uniqueIndex('invoices_number_unique').on(t.invoiceNumber),
    uniqueIndex('invoices_order_unique').on(t.orderId),
    index('invoices_partner_issued_idx').on(t.partnerId, t.issuedOn),
    // The Invoices search (SPEC §11), and the overdue marker: the partner's unpaid invoices by due date.
    index('invoices_partner_account_idx').on(t.partnerId, t.customerAccountId),
    index('invoices_partner_end_user_email_idx').on(t.partnerId, t.endUserEmail),
    index('invoices_number_trgm_idx').using('gin', t.invoiceNumber.op('gin_trgm_ops')),
    index('invoices_end_user_email_trgm_idx').using('gin', t.endUserEmail.op('gin_trgm_ops')),
    ...emailPartIndexes('invoices', t.partnerId, t.endUserEmail),
    index('invoices_partner_unpaid_due_idx').on(t.partnerId, t.dueOn).where(sql`${t.status} = 'not_paid'`),
  ],
);

/**
 * A credit note (SPEC §11a): vendor staff settle an invoice with it, which makes the invoice
 * Applied (payment type Credit Note). One per invoice; numbered `CN-2026-…`.
 */
export const creditNotes = pgTable(
  'credit_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creditNoteNumber: text('credit_note_number').notNull(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: currencyEnum('currency').notNull(),
    reason: text('reason').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('credit_notes_number_format', sql`${t.creditNoteNumber} ~ '^CN-[0-9]{4}-[0-9]{6,9}$'`),
    check('credit_notes_amount_positive', sql`${t.amountMinor} >= 0`),
    uniqueIndex('credit_notes_number_unique').on(t.creditNoteNumber),
    uniqueIndex('credit_notes_invoice_unique').on(t.invoiceId),
  ],
);

/**
 * The built-in sandbox payment provider's own records (it stands for an outside provider): the
 * tokens its hosted card form issued — brand, last four, expiry and the test outcome, never the
 * number — and the charges it took, one per idempotency key.
 */
export const sandboxTokens = pgTable('sandbox_tokens', {
  token: text('token').primaryKey(),
  brand: text('brand').notNull(),
  last4: text('last4').notNull(),
  expMonth: text('exp_month').notNull(),
  expYear: text('exp_year').notNull(),
  /** What charging it does: `success`, `decline`, or `challenge` (3-D Secure-like step first). */
  outcome: text('outcome').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sandboxCharges = pgTable(
  'sandbox_charges',
  {
    reference: text('reference').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The card token, or the PayPal order or stored PayPal account charged. */
    token: text('token').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: currencyEnum('currency').notNull(),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_charges_idempotency_unique').on(t.idempotencyKey)],
);

/**
 * The sandbox's stand-in for PayPal's approvals: a payment (an order the buyer approves, then the
 * portal captures) or storing the account for later payments (a setup the buyer approves, then
 * the portal turns into a stored account, `vault_id`). The buyer approves on the sandbox's own
 * page, as on PayPal's.
 */
export const sandboxPaypalApprovals = pgTable(
  'sandbox_paypal_approvals',
  {
    id: text('id').primaryKey(),
    /** `order` (pay once) or `setup` (store the account). */
    kind: text('kind').notNull(),
    /** The quote an order pays. */
    reference: text('reference'),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: currencyEnum('currency'),
    returnUrl: text('return_url').notNull(),
    cancelUrl: text('cancel_url').notNull(),
    /** `created`, `approved`, `cancelled`, then `completed` (captured, or stored as `vault_id`). */
    status: text('status').notNull(),
    payerEmail: text('payer_email'),
    vaultId: text('vault_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_paypal_vault_unique').on(t.vaultId)],
);
