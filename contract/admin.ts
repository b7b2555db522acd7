import { z } from 'zod';
import { LoginRequest } from './auth.ts';
import { ProductCode, TermYears } from './cart.ts';
import { ProductKind } from './catalog.ts';
import { CountryCode } from './countries.ts';
import { CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { InvoiceNumber } from './invoices.ts';
import { Currency, MinorAmount, typedAmount } from './money.ts';
import { InvoiceStatus, PaymentType } from './orders.ts';
import { Role } from './permissions.ts';
import { BillingAddressInput, EndUserInput } from './quotes.ts';
import { Email, FilterDate, Pagination, requiredDisplayText, SearchText } from './validation.ts';

/** The vendor's own staff (SPEC §1): partners, catalog, direct quotes, invoices. */
export const StaffSession = z
  .object({
    staff: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
    /** Parts of the back office this deployment has: the development mailbox (demo mode without SMTP). */
    features: z.object({ devMailbox: z.boolean() }),
    /** Send back in the `x-csrf-token` header with every state-changing request. */
    csrfToken: z.string(),
  })
  .meta({ id: 'StaffSession' });
export type StaffSession = z.infer<typeof StaffSession>;

export const PartnerSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    country: z.string(),
    currency: Currency,
    discountPercent: z.number(),
    creditTerms: z.boolean(),
    /** Its users, counting those invited who have not chosen a password yet. */
    users: z.number().int(),
  })
  .meta({ id: 'PartnerSummary' });

/** What vendor staff change on a partner (SPEC §1): its discount level and credit terms. */
export const PartnerTermsRequest = z
  .strictObject({
    discountPercent: z.number().min(0).max(60).multipleOf(0.01).optional(),
    creditTerms: z.boolean().optional(),
  })
  .refine((r) => r.discountPercent !== undefined || r.creditTerms !== undefined, {
    error: 'nothing_to_change',
  })
  .meta({ id: 'PartnerTermsRequest' });

/** A new partner organisation and its first admin, who is invited by email to set a password. */
export const CreatePartnerRequest = z
  .strictObject({
    name: requiredDisplayText(120),
    country: CountryCode,
    currency: Currency,
    discountPercent: z.number().min(0).max(60).multipleOf(0.01),
    creditTerms: z.boolean(),
    admin: z.strictObject({ email: Email, name: requiredDisplayText(100) }),
  })
  .meta({ id: 'CreatePartnerRequest' });
export type CreatePartnerRequest = z.infer<typeof CreatePartnerRequest>;

/** An invoice as the back office lists it: every partner's. */
export const AdminInvoice = z
  .object({
    invoiceNumber: z.string(),
    partnerName: z.string(),
    customerName: z.string(),
    orderNumber: z.string(),
    issuedOn: z.iso.date(),
    dueOn: z.iso.date().nullable(),
    paidOn: z.iso.date().nullable(),
    paymentType: PaymentType,
    status: InvoiceStatus,
    overdue: z.boolean(),
    currency: Currency,
    amountMinor: MinorAmount,
    creditNoteNumber: z.string().nullable(),
    /** Settling it: record its payment, or apply a credit note (while it is Not Paid). */
    actions: z
      .object({ recordPayment: z.boolean(), creditNote: z.boolean() })
      .meta({ id: 'AdminInvoiceActions' }),
  })
  .meta({ id: 'AdminInvoice' });

export const AdminInvoiceQuery = z.strictObject({
  q: SearchText,
  status: z.enum(['paid', 'applied', 'not_paid', 'overdue']).optional(),
  ...Pagination,
});

const AdminInvoiceParams = z.strictObject({ invoiceNumber: InvoiceNumber });

/** A product of the catalog as vendor staff manage it: on sale or withdrawn, and its prices. */
export const AdminProduct = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: ProductKind,
    active: z.boolean(),
    prices: z.array(z.object({ currency: Currency, yearlyListMinor: MinorAmount })),
  })
  .meta({ id: 'AdminProduct' });

const ProductParams = z.strictObject({ code: ProductCode });

/**
 * A yearly list price per seat, in minor units: more than zero, and at most 1,000,000.00 — a price
 * above that is a typing slip, not a price.
 */
export const YearlyListMinor = z
  .number()
  .int({ error: 'price_whole_cents' })
  .min(1, { error: 'price_positive' })
  .max(100_000_000, { error: 'price_max' })
  .meta({ description: 'Yearly list price per seat in minor units (cents), 1 to 100,000,000.' });

/** A yearly list price as staff type it (major units, `599.90`), checked as the API will check it. */
export const typedYearlyListPrice = (currency: Currency) => typedAmount(currency).pipe(YearlyListMinor);

/** A vendor direct quote for a customer account (SPEC §3 item 4): list prices, no partner. */
export const DirectQuoteRequest = z
  .strictObject({
    customerId: CustomerId,
    currency: Currency,
    billingAddress: BillingAddressInput,
    endUser: EndUserInput,
    lines: z
      .array(
        z.strictObject({
          productCode: ProductCode,
          quantity: z.number().int().min(1).max(10_000),
          termYears: TermYears,
        }),
      )
      .min(1)
      .max(50),
  })
  .meta({ id: 'DirectQuoteRequest' });

/** The day an unpaid invoice was paid, as vendor staff record it. */
export const RecordPaymentRequest = z
  .strictObject({ paidOn: FilterDate })
  .meta({ id: 'RecordPaymentRequest' });

/** Why an unpaid invoice is settled with a credit note. */
export const CreditNoteRequest = z
  .strictObject({ reason: requiredDisplayText(300) })
  .meta({ id: 'CreditNoteRequest' });

export const adminApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/admin/auth/login',
    operationId: 'staffLogin',
    summary: 'Log in as vendor staff with email and password; sets the session cookie',
    tag: 'admin',
    body: LoginRequest,
    response: StaffSession,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/admin/auth/me',
    operationId: 'getStaffSession',
    summary: 'The logged-in vendor staff member and CSRF token',
    tag: 'admin',
    response: StaffSession,
  }),
  createPartner: endpoint({
    method: 'POST',
    path: '/api/admin/partners',
    operationId: 'createPartner',
    summary:
      'Create a partner organisation and invite its first admin by email (a one-time link sets the password); audited',
    tag: 'admin',
    body: CreatePartnerRequest,
    response: PartnerSummary,
    status: 201,
    idempotent: true,
  }),
  partnerTerms: endpoint({
    method: 'PATCH',
    path: '/api/admin/partners/:id',
    operationId: 'changePartnerTerms',
    summary: "Change a partner's discount level (percent) and credit terms (may it order postpaid); audited",
    tag: 'admin',
    params: z.strictObject({ id: z.uuid({ error: 'invalid' }) }),
    body: PartnerTermsRequest,
    response: PartnerSummary,
  }),
  invoices: endpoint({
    method: 'GET',
    path: '/api/admin/invoices',
    operationId: 'listAllInvoices',
    summary:
      "Every partner's invoices, newest first; search by invoice, order, partner or customer; status or overdue",
    tag: 'admin',
    query: AdminInvoiceQuery,
    response: z
      .object({
        items: z.array(AdminInvoice),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      })
      .meta({ id: 'AdminInvoiceList' }),
  }),
  recordPayment: endpoint({
    method: 'POST',
    path: '/api/admin/invoices/:invoiceNumber/payment',
    operationId: 'recordInvoicePayment',
    summary:
      'Record the payment of an unpaid (postpaid) invoice: Postpaid → Paid, on the date given; audited',
    tag: 'admin',
    params: AdminInvoiceParams,
    body: RecordPaymentRequest,
    response: AdminInvoice,
  }),
  creditNote: endpoint({
    method: 'POST',
    path: '/api/admin/invoices/:invoiceNumber/credit-note',
    operationId: 'issueCreditNote',
    summary:
      'Settle an unpaid invoice with a credit note (CN-…): the invoice becomes Applied, Credit Note; audited',
    tag: 'admin',
    params: AdminInvoiceParams,
    body: CreditNoteRequest,
    response: AdminInvoice,
  }),
  partnerUsers: endpoint({
    method: 'GET',
    path: '/api/admin/partners/:id/users',
    operationId: 'listPartnerUsersForStaff',
    summary: "A partner's users and pending invitations: name, email, role and status",
    tag: 'admin',
    params: z.strictObject({ id: z.uuid({ error: 'invalid' }) }),
    response: z
      .object({
        items: z.array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            email: z.string(),
            role: Role,
            /** `invited`: a pending invitation (its id), not a user yet. */
            status: z.enum(['active', 'invited', 'deactivated']),
          }),
        ),
      })
      .meta({ id: 'StaffPartnerUsers' }),
  }),
  products: endpoint({
    method: 'GET',
    path: '/api/admin/products',
    operationId: 'listAdminProducts',
    summary: 'The whole catalog with its yearly list prices per currency, withdrawn products too',
    tag: 'admin',
    response: z.object({ items: z.array(AdminProduct) }).meta({ id: 'AdminProductList' }),
  }),
  setPrice: endpoint({
    method: 'PUT',
    path: '/api/admin/products/:code/prices/:currency',
    operationId: 'setProductPrice',
    summary:
      "Set a product's yearly list price per seat in a currency (minor units); quotes already made keep theirs; audited",
    tag: 'admin',
    params: z.strictObject({ code: ProductCode, currency: Currency }),
    body: z.strictObject({ yearlyListMinor: YearlyListMinor }).meta({ id: 'SetPriceRequest' }),
    response: AdminProduct,
  }),
  withdrawProduct: endpoint({
    method: 'POST',
    path: '/api/admin/products/:code/withdraw',
    operationId: 'withdrawProduct',
    summary: 'Withdraw a product from sale: it leaves the catalog; documents that name it keep it; audited',
    tag: 'admin',
    params: ProductParams,
    response: AdminProduct,
  }),
  directQuote: endpoint({
    method: 'POST',
    path: '/api/admin/direct-quotes',
    operationId: 'createDirectQuote',
    summary:
      'A vendor direct quote for a customer account at list prices, valid 30 days; a partner converts it into its own',
    tag: 'admin',
    body: DirectQuoteRequest,
    response: z
      .object({ quoteNumber: z.string(), totalMinor: MinorAmount, currency: Currency })
      .meta({ id: 'DirectQuoteCreated' }),
    status: 201,
  }),
  partners: endpoint({
    method: 'GET',
    path: '/api/admin/partners',
    operationId: 'listPartners',
    summary: 'Every partner organisation with its currency, discount, credit terms and number of users',
    tag: 'admin',
    response: z.object({ items: z.array(PartnerSummary) }).meta({ id: 'PartnerList' }),
  }),
};
