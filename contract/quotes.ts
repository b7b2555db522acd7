import { z } from 'zod';
import { checkPostalCode, checkState } from './addresses.ts';
import { CartDetails, PricedLine, Totals } from './cart.ts';
import { Locale } from './catalog.ts';
import { CountryCode } from './countries.ts';
import { CustomerAccount, CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { limits } from './limits.ts';
import { Currency, MinorAmount } from './money.ts';
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

const vatId = /^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u;

type AddressFields = {
  country?: unknown;
  state?: string | undefined;
  postalCode?: unknown;
  vatId?: string | undefined;
};

/**
 * The checks that depend on the country: the state (US, Brazil), the postal code's format and the
 * tax ID. They run while other fields still have problems — so a form learns every problem at once,
 * not in rounds — but only on a field whose own checks passed and once the country is known.
 */
function checkByCountry(address: AddressFields, ctx: z.RefinementCtx<AddressFields>): void {
  // It runs even when other checks failed (every error at once), so also on a body that is no object.
  if (typeof address !== 'object' || address === null) return;
  const failed = new Set(ctx.issues.map((issue) => String(issue.path?.[0] ?? '')));
  const country = address.country;
  if (failed.has('country') || typeof country !== 'string') return;
  const fail = (field: keyof AddressFields, message: string) =>
    ctx.addIssue({ code: 'custom', message, path: [field], input: address[field] });
  if (!failed.has('state')) {
    const state = checkState(country, address.state);
    if (!state.ok) fail('state', state.rule);
  }
  if (!failed.has('postalCode') && typeof address.postalCode === 'string') {
    const postal = checkPostalCode(country, address.postalCode);
    if (!postal.ok) fail('postalCode', postal.rule);
  }
  if (!failed.has('vatId') && address.vatId !== undefined) {
    const check = checkTaxId(country, address.vatId);
    if (!check.ok) fail('vatId', check.code);
  }
}

/**
 * The reseller's billing address as a request gives it (trimmed, checked by country): the state
 * upper-cased and kept only where the country has a list of them, the postal code and the tax ID in
 * the one way each is written (CEP `01310-100`, CNPJ `11.222.333/0001-81`…).
 */
export const BillingAddressInput = z
  .strictObject({
    companyName: requiredDisplayText(200),
    addressLine1: requiredDisplayText(200),
    addressLine2: optionalDisplayText(200),
    city: requiredDisplayText(100),
    /** The state: a USPS code in the US, a UF in Brazil (required there); not kept elsewhere. */
    state: optionalText(40).meta({
      description: 'US state (USPS code, or DC) or Brazilian UF; required there.',
    }),
    /** A ZIP code in the US (12345 or 12345-6789), a CEP in Brazil (00000-000), free text elsewhere. */
    postalCode: requiredText(20),
    country: CountryCode,
    /** The tax ID, checked by the country (CNPJ, EU VAT number, EIN; free text elsewhere). */
    vatId: optionalText(40).refine((v) => v === undefined || vatId.test(v), { error: 'vat_id' }),
  })
  .superRefine(checkByCountry, { when: () => true })
  .transform((address) => {
    const state = checkState(address.country, address.state);
    const postal = checkPostalCode(address.country, address.postalCode);
    const tax = address.vatId === undefined ? undefined : checkTaxId(address.country, address.vatId);
    // checkByCountry has passed: each check succeeds.
    const { state: _typed, ...rest } = address;
    return {
      ...rest,
      ...(state.ok && state.value !== undefined ? { state: state.value } : {}),
      postalCode: postal.ok ? postal.value : address.postalCode,
      vatId: tax?.ok ? tax.value : address.vatId,
    };
  })
  .meta({ id: 'NewBillingAddress' });

/** The billing address as a quote shows it. */
export const BillingAddress = z
  .object({
    companyName: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string().optional(),
    city: z.string(),
    /** US state or Brazilian UF; absent elsewhere and on addresses kept before it was asked. */
    state: z.string().optional(),
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

/**
 * Which copy of a quote (issue 18): `customer` shows list prices, or the partner's resale prices
 * where set, and never the partner's discount or buy price; `internal` is the partner's own copy
 * with every figure.
 */
export const QuoteCopy = z.enum(['customer', 'internal']).meta({ id: 'QuoteCopy' });
export type QuoteCopy = z.infer<typeof QuoteCopy>;

export const CreateQuoteRequest = z
  .strictObject({
    /** The account the quote is for; it must be the one open in this session. */
    customerId: CustomerId,
    billingAddress: BillingAddressInput,
    endUser: EndUserInput,
    poNumber: optionalDisplayText(60),
    /** Also send the quote (with its PDF) to this email, in the customer's language. */
    sendCopyTo: OptionalEmail,
    /** Which copy that email carries; required with `sendCopyTo`. */
    sendCopyAs: QuoteCopy.optional(),
  })
  .refine((request) => request.sendCopyTo === undefined || request.sendCopyAs !== undefined, {
    error: 'copy_required',
    path: ['sendCopyAs'],
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
  .object({
    cancel: z.boolean(),
    order: z.boolean(),
    email: z.boolean(),
    /** Set the resale prices the customer copy shows (while open, for those who may edit quotes). */
    setResalePrices: z.boolean(),
  })
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
  /**
   * The partner's resale price of each line (the whole line, minor units), in the order of
   * `lines`; null where none is set and the customer copy shows the list price.
   */
  resalePrices: z.array(MinorAmount.nullable()),
  actions: QuoteActions,
  /** The order placed from it, with that order's invoice and credit note, those the user may open. */
  related: RelatedDocuments,
}).meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;

/** What narrows the quotes list, its pages and its CSV alike. */
const quoteFilterFields = {
  ...DateRangeFields,
  q: SearchText,
  /** Only quotes of this status (open, expired, cancelled, converted, ordered). */
  status: QuoteStatus.optional(),
};

export const QuoteListQuery = z.strictObject({ ...quoteFilterFields, ...Pagination }).refine(...datesInOrder);
// No schema id: query strings must stay inline for the OpenAPI generator.
export type QuoteListQuery = z.input<typeof QuoteListQuery>;
export type QuoteListFilters = z.output<typeof QuoteListQuery>;

/** The quotes list's filters without pages: the CSV holds every quote they match. */
export const QuoteExportQuery = z.strictObject(quoteFilterFields).refine(...datesInOrder);
export type QuoteExportFilters = z.output<typeof QuoteExportQuery>;

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

/** A copy of a quote by email: to whom, which copy, and in which language (the user's when left out). */
export const EmailQuoteRequest = z
  .strictObject({ to: Email, copy: QuoteCopy, locale: Locale.optional() })
  .meta({ id: 'EmailQuoteRequest' });

/** Highest resale price of one line, in minor units: far above any real line, far below 2^53. */
export const resaleMinorMax = 100_000_000_000;

/**
 * The resale prices of a quote's lines, each by its line number (1-based, in the quote's order):
 * an amount in minor units, or null to show the list price again. Lines left out keep theirs.
 */
export const SetResalePricesRequest = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          lineNo: z.number().int().min(1).max(limits.cartLinesMax),
          resaleMinor: MinorAmount.min(0).max(resaleMinorMax).nullable(),
        }),
      )
      .min(1)
      .max(limits.cartLinesMax)
      .refine((lines) => new Set(lines.map((l) => l.lineNo)).size === lines.length, {
        error: 'duplicate_line',
      }),
  })
  .meta({ id: 'SetResalePricesRequest' });
export type SetResalePricesRequest = z.infer<typeof SetResalePricesRequest>;

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
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/quotes.csv',
    operationId: 'exportQuotesCsv',
    summary:
      'The quotes list with the same filters as a CSV file: every matching quote, newest first, streamed',
    tag: 'quotes',
    query: QuoteExportQuery,
    response: z.string().meta({ format: 'binary', description: 'The quotes as CSV (UTF-8 with BOM)' }),
    file: { contentType: 'text/csv; charset=utf-8' },
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
  setResalePrices: endpoint({
    method: 'PUT',
    path: '/api/quotes/:quoteNumber/resale-prices',
    operationId: 'setQuoteResalePrices',
    summary:
      "Set or clear the partner's resale price of lines of an open quote, shown on the customer copy instead of the list price",
    tag: 'quotes',
    params: QuoteParams,
    body: SetResalePricesRequest,
    response: Quote,
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/api/quotes/:quoteNumber/pdf',
    operationId: 'getQuotePdf',
    summary:
      "The PDF of a quote: parties, lines with periods, prices, credits and fallback notes, totals, validity. The internal copy (the default) has the partner's discount and buy price; the customer copy has list or resale prices only",
    tag: 'quotes',
    params: QuoteParams,
    query: z.strictObject({ locale: Locale.optional(), copy: QuoteCopy.default('internal') }),
    response: z.string().meta({ format: 'binary', description: 'The quote as a PDF document' }),
    file: { contentType: 'application/pdf' },
  }),
};
