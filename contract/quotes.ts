import { z } from 'zod';
import { CartDetails, PricedLine, Totals } from './cart.ts';
import { Locale } from './catalog.ts';
import { CountryCode } from './countries.ts';
import { CustomerAccount, CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Currency } from './money.ts';
import { RelatedDocuments } from './related.ts';
import { checkTaxId } from './tax-ids.ts';
import {
  DateRangeFields,
  datesInOrder,
  Email,
  formatted,
  OptionalEmail,
  optionalDisplayText,
  optionalText,
  Pagination,
  requiredDisplayText,
  requiredText,
  SearchText,
} from './validation.ts';

const postalCode = /^[\p{L}\p{N}][\p{L}\p{N} -]*$/u;
const vatId = /^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u;

/** The reseller's billing address as a request gives it (trimmed, checked). */
export const BillingAddressInput = z
  .strictObject({
    companyName: requiredDisplayText(200),
    addressLine1: requiredDisplayText(200),
    addressLine2: optionalDisplayText(200),
    city: requiredDisplayText(100),
    postalCode: requiredText(20).pipe(z.string().regex(postalCode, { error: 'postal_code' })),
    country: CountryCode,
    /** The tax ID, checked by the country (CNPJ, EU VAT number, EIN; free text elsewhere). */
    vatId: optionalText(40).refine((v) => v === undefined || vatId.test(v), { error: 'vat_id' }),
  })
  .transform((address, ctx) => {
    if (address.vatId === undefined) return address;
    const check = checkTaxId(address.country, address.vatId);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.code, path: ['vatId'], input: address.vatId });
      return z.NEVER;
    }
    return { ...address, vatId: check.value };
  })
  .meta({ id: 'NewBillingAddress' });

/** The billing address as a quote shows it. */
export const BillingAddress = z
  .object({
    companyName: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string().optional(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
    vatId: z.string().optional(),
  })
  .meta({ id: 'BillingAddress' });
export type BillingAddress = z.infer<typeof BillingAddress>;

/** The end user (licensee) as a request gives them. */
export const EndUserInput = z
  .strictObject({
    name: requiredDisplayText(200),
    email: Email,
    company: optionalDisplayText(200),
  })
  .meta({ id: 'NewEndUser' });

export const EndUser = z
  .object({ name: z.string(), email: z.string(), company: z.string().optional() })
  .meta({ id: 'EndUser' });
export type EndUser = z.infer<typeof EndUser>;

export const CreateQuoteRequest = z
  .strictObject({
    /** The account the quote is for; it must be the one open in this session. */
    customerId: CustomerId,
    billingAddress: BillingAddressInput,
    endUser: EndUserInput,
    poNumber: optionalDisplayText(60),
    /** Also send the quote (with its PDF) to this email, in the customer's language. */
    sendCopyTo: OptionalEmail,
  })
  .meta({ id: 'CreateQuoteRequest' });
export type CreateQuoteRequest = z.infer<typeof CreateQuoteRequest>;

/** What the database stores; `expired` is an open quote past its validity date. */
/** `ordering`: Place order has claimed it and is taking the payment (seconds, or until settled). */
export const StoredQuoteStatus = z.enum(['open', 'ordering', 'cancelled', 'converted', 'ordered']);
export type StoredQuoteStatus = z.infer<typeof StoredQuoteStatus>;
export const QuoteStatus = z.enum([...StoredQuoteStatus.options, 'expired']);
export type QuoteStatus = z.infer<typeof QuoteStatus>;
export const QuoteOrigin = z.enum(['reseller', 'direct']);
export type QuoteOrigin = z.infer<typeof QuoteOrigin>;

/** What this user may do with this quote now, as the quotes policy decides it. */
export const QuoteActions = z
  .object({ cancel: z.boolean(), order: z.boolean(), email: z.boolean() })
  .meta({ id: 'QuoteActions' });
export type QuoteActions = z.infer<typeof QuoteActions>;

export const QuoteSummary = z
  .object({
    quoteNumber: z.string(),
    origin: QuoteOrigin,
    status: QuoteStatus,
    customer: CustomerAccount,
    endUserEmail: z.string(),
    poNumber: z.string().nullable(),
    currency: Currency,
    totalMinor: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    validUntil: z.iso.date(),
  })
  .meta({ id: 'QuoteSummary' });
export type QuoteSummary = z.infer<typeof QuoteSummary>;

export const Quote = QuoteSummary.extend({
  billingAddress: BillingAddress,
  endUser: EndUser,
  discountPercent: z.number(),
  lines: z.array(PricedLine),
  totals: Totals,
  createdBy: z.string().nullable(),
  /** The Details tab's choices the quote was made with (team, pack); absent on direct quotes. */
  details: CartDetails.optional(),
  /** The vendor direct quote this reseller quote was converted from (SPEC §3 item 4). */
  convertedFrom: z.string().optional(),
  cancelledAt: z.iso.datetime({ offset: true }).nullable(),
  actions: QuoteActions,
  /** The order placed from it, with that order's invoice and credit note, those the user may open. */
  related: RelatedDocuments,
}).meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;

export const QuoteListQuery = z
  .strictObject({
    ...DateRangeFields,
    q: SearchText,
    /** Only quotes of this status (open, expired, cancelled, converted, ordered). */
    status: QuoteStatus.optional(),
    ...Pagination,
  })
  .refine(...datesInOrder);
// No schema id: query strings must stay inline for the OpenAPI generator.
export type QuoteListQuery = z.input<typeof QuoteListQuery>;
export type QuoteListFilters = z.output<typeof QuoteListQuery>;

export const QuoteList = z
  .object({
    items: z.array(QuoteSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'QuoteList' });

export const QuoteNumber = formatted(identifierPatterns.quoteNumber, 'quote_number', 'upper').meta({
  description: 'Quote reference number',
  example: 'Q-2026-000045',
});

const QuoteParams = z.strictObject({ quoteNumber: QuoteNumber });

/**
 * A vendor direct quote's number and the licensee's details for the reseller quote it becomes; the
 * partner's billing address on file is used unless another is given.
 */
export const ConvertDirectQuoteRequest = z
  .strictObject({
    quoteNumber: QuoteNumber,
    billingAddress: BillingAddressInput.optional(),
    endUser: EndUserInput,
    poNumber: optionalDisplayText(60),
  })
  .meta({ id: 'ConvertDirectQuoteRequest' });
export type ConvertDirectQuoteRequest = z.infer<typeof ConvertDirectQuoteRequest>;

export const CheckDirectQuoteRequest = z
  .strictObject({ quoteNumber: QuoteNumber })
  .meta({ id: 'CheckDirectQuoteRequest' });

/**
 * A vendor direct quote that this partner may convert now (SPEC §3 item 4), shown before the
 * licensee's details are asked for: for whom, what, and until when.
 */
export const DirectQuotePreview = z
  .object({
    quoteNumber: z.string(),
    customer: CustomerAccount,
    currency: Currency,
    validUntil: z.iso.date(),
    lines: z.array(
      z.object({
        productCode: z.string(),
        productName: z.string(),
        quantity: z.number().int(),
        termYears: z.number().int().nullable(),
      }),
    ),
    listTotalMinor: z.number().int(),
  })
  .meta({ id: 'DirectQuotePreview' });
export type DirectQuotePreview = z.infer<typeof DirectQuotePreview>;

/** A copy of a quote by email: to whom, and in which language (the user's when left out). */
export const EmailQuoteRequest = z
  .strictObject({ to: Email, locale: Locale.optional() })
  .meta({ id: 'EmailQuoteRequest' });

export const quotesApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/quotes',
    operationId: 'createQuote',
    summary: 'Turn the open cart into a numbered reseller quote valid for 30 days',
    tag: 'quotes',
    body: CreateQuoteRequest,
    response: Quote,
    status: 201,
    idempotent: true,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/quotes',
    operationId: 'listQuotes',
    summary:
      "The partner's quotes, newest first; date range and search by quote number, customer name, Customer ID or email",
    tag: 'quotes',
    query: QuoteListQuery,
    response: QuoteList,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/quotes/:quoteNumber',
    operationId: 'getQuote',
    summary: 'One quote with its lines, totals and the actions allowed on it',
    tag: 'quotes',
    params: QuoteParams,
    response: Quote,
  }),
  convertDirect: endpoint({
    method: 'POST',
    path: '/api/quotes/convert-direct',
    operationId: 'convertDirectQuote',
    summary:
      "Turn a valid vendor direct quote into this partner's reseller quote (the partner's discount applied); the direct quote is marked converted. Expired, cancelled and converted quotes are refused with a specific code.",
    tag: 'quotes',
    body: ConvertDirectQuoteRequest,
    response: Quote,
    status: 201,
  }),
  checkDirect: endpoint({
    method: 'POST',
    path: '/api/quotes/convert-direct/check',
    operationId: 'checkDirectQuote',
    summary:
      'Check a vendor direct quote before converting it: a valid one answers what it holds; an unknown, expired, cancelled or converted one is refused with the code conversion would give. Counts against the lookup limits like conversion.',
    tag: 'quotes',
    body: CheckDirectQuoteRequest,
    response: DirectQuotePreview,
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/quotes/:quoteNumber/cancel',
    operationId: 'cancelQuote',
    summary: 'Cancel an open quote: it can no longer be ordered or converted',
    tag: 'quotes',
    params: QuoteParams,
    response: Quote,
  }),
  email: endpoint({
    method: 'POST',
    path: '/api/quotes/:quoteNumber/email',
    operationId: 'emailQuote',
    summary: 'Send a copy of an open quote, with its PDF, to any email address',
    tag: 'quotes',
    params: QuoteParams,
    body: EmailQuoteRequest,
    response: z.object({ sentTo: z.string() }).meta({ id: 'QuoteEmailed' }),
    status: 202,
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/api/quotes/:quoteNumber/pdf',
    operationId: 'getQuotePdf',
    summary:
      'The PDF of a quote: parties, lines with periods, prices, discount, credits and fallback notes, totals, validity',
    tag: 'quotes',
    params: QuoteParams,
    query: z.strictObject({ locale: Locale.optional() }),
    response: z.string().meta({ format: 'binary', description: 'The quote as a PDF document' }),
    file: { contentType: 'application/pdf' },
  }),
};
