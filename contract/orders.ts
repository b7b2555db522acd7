import { z } from 'zod';
import { PricedLine } from './cart.ts';
import { CustomerAccount, OpenCustomerAccount } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Currency, MinorAmount } from './money.ts';
import { QuoteNumber } from './quotes.ts';
import { RelatedDocuments } from './related.ts';
import { DateRangeFields, datesInOrder, Pagination, SearchText } from './validation.ts';

/** How an invoice is paid (SPEC §11): at once online, by a credit note, or later (postpaid). */
export const PaymentType = z.enum(['online', 'credit_note', 'postpaid']);
export type PaymentType = z.infer<typeof PaymentType>;
export const InvoiceStatus = z.enum(['paid', 'applied', 'not_paid']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;
export const PaymentProviderName = z.enum(['sandbox', 'adyen', 'paypal']);
export type PaymentProviderName = z.infer<typeof PaymentProviderName>;

/** A payment method as the provider's hosted form tokenised it: never a card number. */
export const PaymentToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, { error: 'payment_token' })
  .meta({
    description:
      "A payment provider's token for a card entered in its hosted form (the sandbox's `tok_…`, an Adyen stored payment method id)",
  });

/** PayPal's id of an order (or of a setup to store an account), as PayPal returns it. */
export const PayPalOrderId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, { error: 'paypal_order' })
  .meta({ example: '5O190127TN364715T' });

export const PayPalApproval = z
  .object({
    /** Where to send the buyer to approve on PayPal's pages; PayPal sends them back to the portal. */
    approveUrl: z.url(),
    /** PayPal's id of what the buyer approves (an order, or a setup to store the account). */
    id: PayPalOrderId,
  })
  .meta({ id: 'PayPalApproval' });

export const PlaceOrderRequest = z
  .strictObject({
    quoteNumber: QuoteNumber,
    payment: z.discriminatedUnion('method', [
      /** A card just entered in the provider's hosted form. */
      z.strictObject({ method: z.literal('card'), token: PaymentToken }),
      /** A payment method the partner stored. */
      z.strictObject({ method: z.literal('stored'), paymentMethodId: z.uuid({ error: 'invalid' }) }),
      /** A PayPal payment the buyer approved on PayPal's pages (the order id PayPal returned). */
      z.strictObject({ method: z.literal('paypal'), orderId: PayPalOrderId }),
      /** Pay later against the quote: partners with credit terms only. */
      z.strictObject({ method: z.literal('postpaid') }),
    ]),
  })
  .meta({ id: 'PlaceOrderRequest' });
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

export const Invoice = z
  .object({
    invoiceNumber: z.string(),
    paymentType: PaymentType,
    status: InvoiceStatus,
    issuedOn: z.iso.date(),
    /** Postpaid: 30 days after delivery. */
    dueOn: z.iso.date().nullable(),
    paidOn: z.iso.date().nullable(),
    amountMinor: MinorAmount,
    amountDueMinor: MinorAmount,
  })
  .meta({ id: 'Invoice' });

export const Order = z
  .object({
    orderNumber: z.string(),
    quoteNumber: z.string().nullable(),
    customer: CustomerAccount,
    poNumber: z.string().nullable(),
    currency: Currency,
    totalMinor: MinorAmount,
    createdAt: z.iso.datetime({ offset: true }),
    lines: z.array(PricedLine),
    /** The License IDs the order issued or extended, per line. */
    licenses: z.array(
      z.object({
        lineNo: z.number().int(),
        licenseId: z.string(),
        productCode: z.string(),
        /** The license key the end user activates with (null for licenses carried over without one). */
        key: z.string().nullable(),
        /** The end user the license is assigned to (invited user), if any. */
        assignedTo: z.string().nullable(),
      }),
    ),
    /** When the licenses last went to the end users (activation email or Resend licenses). */
    licensesSentAt: z.iso.datetime({ offset: true }).nullable(),
    /** The licensee the activation email goes to. */
    endUser: z.object({ name: z.string(), email: z.string() }).nullable(),
    actions: z.object({
      /** Send the activation email (first time) or Resend licenses (after). */
      sendActivation: z.boolean(),
      /** Renew: a renewal cart for the order's licenses in the Product Catalog. */
      renew: z.boolean(),
    }),
    invoice: Invoice,
    payment: z
      .object({ provider: PaymentProviderName, brand: z.string().nullable(), last4: z.string().nullable() })
      .nullable(),
    /** Its quote, invoice and credit note, those the user may open. */
    related: RelatedDocuments,
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

/** A row of the Orders list (SPEC §9). */
export const OrderSummary = z
  .object({
    orderNumber: z.string(),
    quoteNumber: z.string().nullable(),
    customer: CustomerAccount,
    /** The licensee's email (the customer email the search finds). */
    endUserEmail: z.string().nullable(),
    poNumber: z.string().nullable(),
    currency: Currency,
    totalMinor: MinorAmount,
    createdAt: z.iso.datetime({ offset: true }),
    invoice: z
      .object({ invoiceNumber: z.string(), status: InvoiceStatus, paymentType: PaymentType })
      .nullable(),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof OrderSummary>;

/** What narrows the orders list, its pages and its CSV alike. */
const orderFilterFields = { ...DateRangeFields, q: SearchText };

export const OrderListQuery = z.strictObject({ ...orderFilterFields, ...Pagination }).refine(...datesInOrder);
// No schema id: query strings must stay inline for the OpenAPI generator.
export type OrderListQuery = z.input<typeof OrderListQuery>;
export type OrderListFilters = z.output<typeof OrderListQuery>;

/** The orders list's filters without pages: the CSV holds every order they match. */
export const OrderExportQuery = z.strictObject(orderFilterFields).refine(...datesInOrder);
export type OrderExportFilters = z.output<typeof OrderExportQuery>;

export const OrderList = z
  .object({
    items: z.array(OrderSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'OrderList' });

export const OrderNumber = z
  .string()
  .regex(identifierPatterns.orderNumber, { error: 'order_number' })
  .meta({ example: 'R-2026-000017' });

/** What Renew did: the account opened, the licenses put in the cart, and those left out with why. */
export const RenewalCartAnswer = z
  .object({
    /** The order's account, open in the session (through this order alone, unless already open further). */
    customer: OpenCustomerAccount,
    added: z.array(z.string()),
    skipped: z.array(
      z.object({
        licenseId: z.string(),
        /** `not_renewable` (outside its window: standing says where) or `in_cart` already. */
        reason: z.enum(['not_renewable', 'in_cart']),
        standing: z.string().optional(),
        opensOn: z.iso.date().optional(),
        closesOn: z.iso.date().optional(),
      }),
    ),
  })
  .meta({ id: 'RenewalCartAnswer' });
export type RenewalCartAnswer = z.infer<typeof RenewalCartAnswer>;

export const ordersApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/orders',
    operationId: 'listOrders',
    summary:
      "The partner's orders, newest first; date range and search by order number, PO number, customer name or customer email (no account needs to be open)",
    tag: 'orders',
    query: OrderListQuery,
    response: OrderList,
  }),
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/orders.csv',
    operationId: 'exportOrdersCsv',
    summary:
      'The orders list with the same filters as a CSV file: every matching order, newest first, streamed',
    tag: 'orders',
    query: OrderExportQuery,
    response: z.string().meta({ format: 'binary', description: 'The orders as CSV (UTF-8 with BOM)' }),
    file: { contentType: 'text/csv; charset=utf-8' },
  }),
  place: endpoint({
    method: 'POST',
    path: '/api/orders',
    operationId: 'placeOrder',
    summary:
      'Place order for a valid quote: the payment taken (or postpaid), the order created, licenses issued or extended, the invoice made; one order per quote, however often asked',
    tag: 'orders',
    body: PlaceOrderRequest,
    response: Order,
    status: 201,
    idempotent: true,
  }),
  startPayPal: endpoint({
    method: 'POST',
    path: '/api/orders/paypal',
    operationId: 'startPayPalPayment',
    summary:
      "Start paying a valid quote with PayPal: PayPal's order for its total, and the link where the buyer approves it; PayPal sends them back to the quote's checkout, where Place order captures it",
    tag: 'orders',
    body: z.strictObject({ quoteNumber: QuoteNumber }).meta({ id: 'StartPayPalPaymentRequest' }),
    response: PayPalApproval,
    status: 201,
    idempotent: true,
  }),
  sendActivation: endpoint({
    method: 'POST',
    path: '/api/orders/:orderNumber/activation-email',
    operationId: 'sendActivationEmail',
    summary:
      "Email the order's licenses and keys to its licensee (the activation email), in the customer's language",
    tag: 'orders',
    params: z.strictObject({ orderNumber: OrderNumber }),
    response: z.object({ sentTo: z.string() }).meta({ id: 'ActivationEmailSent' }),
    status: 202,
  }),
  resendLicenses: endpoint({
    method: 'POST',
    path: '/api/orders/:orderNumber/resend-licenses',
    operationId: 'resendLicenses',
    summary:
      "Resend licenses: the order's licenses and keys to its end users again — the licensee all of them, each assigned user their own",
    tag: 'orders',
    params: z.strictObject({ orderNumber: OrderNumber }),
    response: z.object({ sentTo: z.array(z.string()) }).meta({ id: 'LicensesResent' }),
    status: 202,
  }),
  renew: endpoint({
    method: 'POST',
    path: '/api/orders/:orderNumber/renewal-cart',
    operationId: 'renewOrder',
    summary:
      "Renew: opens the order's customer account and puts the order's licenses that are in their renewal window into its cart (1 year); the others are answered with the reason",
    tag: 'orders',
    params: z.strictObject({ orderNumber: OrderNumber }),
    response: RenewalCartAnswer,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/orders/:orderNumber',
    operationId: 'getOrder',
    summary: 'One order with its lines, licenses, invoice and payment',
    tag: 'orders',
    params: z.strictObject({ orderNumber: OrderNumber }),
    response: Order,
  }),
};
