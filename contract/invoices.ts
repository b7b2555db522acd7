import { z } from 'zod';
import { LineKind, PricedLine } from './cart.ts';
import { Locale } from './catalog.ts';
import { CustomerAccount } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Currency, MinorAmount } from './money.ts';
import {
  InvoiceStatus,
  PaymentProviderName,
  PaymentToken,
  PaymentType,
  PayPalApproval,
  PayPalOrderId,
} from './orders.ts';
import { BillingAddress } from './quotes.ts';
import { RelatedDocuments } from './related.ts';
import { DateRangeFields, datesInOrder, formatted, Pagination, SearchText } from './validation.ts';

export const InvoiceNumber = formatted(identifierPatterns.invoiceNumber, 'invoice_number', 'upper').meta({
  description: 'Invoice number',
  example: 'INV-2026-000031',
});

/** A row of the Invoices tab (SPEC §11): every field the tab shows. */
export const InvoiceSummary = z
  .object({
    invoiceNumber: z.string(),
    issuedOn: z.iso.date(),
    /** The payment date: paid, or settled by a credit note. */
    paidOn: z.iso.date().nullable(),
    /** Postpaid invoices: 30 days after delivery. */
    dueOn: z.iso.date().nullable(),
    paymentType: PaymentType,
    status: InvoiceStatus,
    /** Not Paid and past its due date (today as the server's clock tells it). */
    overdue: z.boolean(),
    currency: Currency,
    amountMinor: MinorAmount,
    amountDueMinor: MinorAmount,
    orderNumber: z.string(),
    poNumber: z.string().nullable(),
    customer: CustomerAccount,
    /** The licensee's email, the customer email the invoice is addressed to. */
    customerEmail: z.string().nullable(),
    /** Products and quantities, new or renewal (and upgrades, downgrades). */
    products: z.array(
      z.object({
        productCode: z.string(),
        productName: z.string(),
        quantity: z.number().int(),
        kind: LineKind,
      }),
    ),
  })
  .meta({ id: 'InvoiceSummary' });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceDetails = InvoiceSummary.extend({
  /** The reseller billed: the address of the quote the order came from, else the one on file. */
  billTo: BillingAddress.nullable(),
  lines: z.array(PricedLine),
  payment: z
    .object({ provider: PaymentProviderName, brand: z.string().nullable(), last4: z.string().nullable() })
    .nullable(),
  creditNote: z
    .object({
      creditNoteNumber: z.string(),
      issuedOn: z.iso.date(),
      reason: z.string(),
      amountMinor: MinorAmount,
    })
    .nullable(),
  /** Its order, that order's quote, and its credit note, those the user may open. */
  related: RelatedDocuments,
  /** What this user may do with it now, as the invoices policy decides. */
  actions: z.object({
    /** Pay now: an unpaid invoice paid online (card, stored method or PayPal). */
    pay: z.boolean(),
  }),
}).meta({ id: 'InvoiceDetails' });
export type InvoiceDetails = z.infer<typeof InvoiceDetails>;

/** What the Invoices tab narrows to: a status, or the overdue ones (Not Paid and past due). */
export const InvoiceFilterStatus = z.enum(['paid', 'applied', 'not_paid', 'overdue']);
export type InvoiceFilterStatus = z.infer<typeof InvoiceFilterStatus>;

/** What narrows the invoices list, its pages and its CSV alike. */
const invoiceFilterFields = { ...DateRangeFields, q: SearchText, status: InvoiceFilterStatus.optional() };

export const InvoiceListQuery = z
  .strictObject({ ...invoiceFilterFields, ...Pagination })
  .refine(...datesInOrder);
// No schema id: query strings must stay inline for the OpenAPI generator.
export type InvoiceListQuery = z.input<typeof InvoiceListQuery>;
export type InvoiceListFilters = z.output<typeof InvoiceListQuery>;

/** The invoices list's filters without pages: the CSV holds every invoice they match. */
export const InvoiceExportQuery = z.strictObject(invoiceFilterFields).refine(...datesInOrder);
export type InvoiceExportFilters = z.output<typeof InvoiceExportQuery>;

export const InvoiceList = z
  .object({
    items: z.array(InvoiceSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'InvoiceList' });

/** Whether any unpaid invoice is past due: the Invoices tab's warning. */
export const OverdueInvoices = z
  .object({ count: z.number().int(), oldestDueOn: z.iso.date().nullable() })
  .meta({ id: 'OverdueInvoices' });

const InvoiceParams = z.strictObject({ invoiceNumber: InvoiceNumber });

/** Pay now (issue 18): an unpaid invoice paid online, the ways Checkout pays (postpaid aside). */
export const PayInvoiceRequest = z
  .strictObject({
    payment: z.discriminatedUnion('method', [
      /** A card just entered in the provider's hosted form. */
      z.strictObject({ method: z.literal('card'), token: PaymentToken }),
      /** A payment method the partner stored (a card or a PayPal account). */
      z.strictObject({ method: z.literal('stored'), paymentMethodId: z.uuid({ error: 'invalid' }) }),
      /** A PayPal payment the buyer approved on PayPal's pages (the order id PayPal returned). */
      z.strictObject({ method: z.literal('paypal'), orderId: PayPalOrderId }),
    ]),
  })
  .meta({ id: 'PayInvoiceRequest' });
export type PayInvoiceRequest = z.infer<typeof PayInvoiceRequest>;

export const invoicesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/invoices',
    operationId: 'listInvoices',
    summary:
      "The partner's invoices, newest first; date range of issue, status (or overdue), and search by invoice number, customer name or customer email",
    tag: 'invoices',
    query: InvoiceListQuery,
    response: InvoiceList,
  }),
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/invoices.csv',
    operationId: 'exportInvoicesCsv',
    summary:
      'The invoices list with the same filters as a CSV file: every matching invoice with its products, newest first, streamed',
    tag: 'invoices',
    query: InvoiceExportQuery,
    response: z.string().meta({ format: 'binary', description: 'The invoices as CSV (UTF-8 with BOM)' }),
    file: { contentType: 'text/csv; charset=utf-8' },
  }),
  overdue: endpoint({
    method: 'GET',
    path: '/api/invoices/overdue',
    operationId: 'countOverdueInvoices',
    summary: 'How many unpaid invoices of the partner are past due (the Invoices tab warning)',
    tag: 'invoices',
    response: OverdueInvoices,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/invoices/:invoiceNumber',
    operationId: 'getInvoice',
    summary: 'One invoice with its lines, payment and credit note',
    tag: 'invoices',
    params: InvoiceParams,
    response: InvoiceDetails,
  }),
  pay: endpoint({
    method: 'POST',
    path: '/api/invoices/:invoiceNumber/payment',
    operationId: 'payInvoice',
    summary:
      'Pay now: an unpaid (postpaid) invoice paid online by card, stored method or approved PayPal payment, then Paid; one charge however often asked',
    tag: 'invoices',
    params: InvoiceParams,
    body: PayInvoiceRequest,
    response: InvoiceDetails,
    idempotent: true,
  }),
  startPayPal: endpoint({
    method: 'POST',
    path: '/api/invoices/:invoiceNumber/paypal',
    operationId: 'startInvoicePayPalPayment',
    summary:
      "Start paying an unpaid invoice with PayPal: PayPal's order for its amount and the link where the buyer approves it; PayPal sends them back to the invoice, where Pay now captures it",
    tag: 'invoices',
    params: InvoiceParams,
    response: PayPalApproval,
    status: 201,
    idempotent: true,
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/api/invoices/:invoiceNumber/pdf',
    operationId: 'getInvoicePdf',
    summary: 'The invoice as a PDF, in the language asked for (the user’s when left out)',
    tag: 'invoices',
    params: InvoiceParams,
    query: z.strictObject({ locale: Locale.optional() }),
    response: z.string().meta({ format: 'binary', description: 'The invoice as a PDF document' }),
    file: { contentType: 'application/pdf' },
  }),
  creditNotePdf: endpoint({
    method: 'GET',
    path: '/api/invoices/:invoiceNumber/credit-note',
    operationId: 'getCreditNotePdf',
    summary: 'The credit note that settled an invoice, as a PDF (not found when the invoice has none)',
    tag: 'invoices',
    params: InvoiceParams,
    query: z.strictObject({ locale: Locale.optional() }),
    response: z.string().meta({ format: 'binary', description: 'The credit note as a PDF document' }),
    file: { contentType: 'application/pdf' },
  }),
};
