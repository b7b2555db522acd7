import { pgEnum } from 'drizzle-orm/pg-core';
import { LineKind } from '../../../contract/cart.ts';
import { Locale, ProductKind } from '../../../contract/catalog.ts';
import { AccountAccess } from '../../../contract/customers.ts';
import { Currency } from '../../../contract/money.ts';
import { InvoiceStatus, PaymentProviderName, PaymentType } from '../../../contract/orders.ts';
import { PaymentMethodKind } from '../../../contract/payment-methods.ts';
import { Role } from '../../../contract/permissions.ts';
import { QuoteOrigin, StoredQuoteStatus } from '../../../contract/quotes.ts';

/**
 * PostgreSQL enum types made from the contract's enums: the database refuses a value the API does
 * not know, and the TypeScript types of the columns follow the contract.
 */
/** Zod lists an enum's options as an array; Drizzle wants them as a non-empty tuple. */
const values = <T extends string>(options: readonly T[]) => options as [T, ...T[]];

export const currencyEnum = pgEnum('currency', values(Currency.options));
export const partnerRoleEnum = pgEnum('partner_role', values(Role.options));
export const productKindEnum = pgEnum('product_kind', values(ProductKind.options));
export const localeEnum = pgEnum('locale', values(Locale.options));
export const lineKindEnum = pgEnum('line_kind', values(LineKind.options));
export const quoteStatusEnum = pgEnum('quote_status', values(StoredQuoteStatus.options));
export const quoteOriginEnum = pgEnum('quote_origin', values(QuoteOrigin.options));
export const documentKindEnum = pgEnum('document_kind', ['quote', 'order', 'invoice', 'credit_note']);
export const accountAccessEnum = pgEnum('account_access', values(AccountAccess.options));
export const grantRoleEnum = pgEnum('grant_role', ['purchaser']);
export const mailStatusEnum = pgEnum('mail_status', ['pending', 'sent', 'failed']);
export const paymentTypeEnum = pgEnum('payment_type', values(PaymentType.options));
export const invoiceStatusEnum = pgEnum('invoice_status', values(InvoiceStatus.options));
export const paymentProviderEnum = pgEnum('payment_provider', values(PaymentProviderName.options));
export const paymentMethodKindEnum = pgEnum('payment_method_kind', values(PaymentMethodKind.options));
export const paymentStatusEnum = pgEnum('payment_status', ['captured', 'refunded']);
