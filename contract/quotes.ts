import { z } from 'zod';
import { PricedLine, Totals } from './cart.ts';
import { CountryCode } from './countries.ts';
import { CustomerAccount, CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Currency } from './money.ts';

const required = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'This field is required.' })
    .max(max, { message: `At most ${max} characters.` });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `At most ${max} characters.` })
    .optional();

export const BillingAddress = z
  .object({
    companyName: required(200),
    addressLine1: required(200),
    addressLine2: optional(200),
    city: required(100),
    postalCode: required(20).regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, {
      message: 'A postal code has letters, digits, spaces and dashes only.',
    }),
    country: CountryCode,
    vatId: optional(40).refine((v) => !v || /^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u.test(v), {
      message: 'A VAT ID has letters, digits, spaces, dots, slashes and dashes only.',
    }),
  })
  .meta({ id: 'BillingAddress' });
export type BillingAddress = z.infer<typeof BillingAddress>;

export const EndUser = z
  .object({
    name: required(200),
    email: z.email({ message: 'Enter a valid email address, e.g. name@example.com.' }).max(254),
    company: optional(200),
  })
  .meta({ id: 'EndUser' });

export const CreateQuoteRequest = z
  .object({
    /** The account the quote is for; it must be the one open in this session. */
    customerId: CustomerId,
    billingAddress: BillingAddress,
    endUser: EndUser,
    poNumber: optional(60),
  })
  .meta({ id: 'CreateQuoteRequest' });
export type CreateQuoteRequest = z.infer<typeof CreateQuoteRequest>;

export const QuoteStatus = z.enum(['open', 'expired', 'cancelled', 'converted', 'ordered']);
export const QuoteOrigin = z.enum(['reseller', 'direct']);

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
}).meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;

export const QuoteListQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
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

const QuoteParams = z.object({
  quoteNumber: z
    .string()
    .toUpperCase()
    .regex(identifierPatterns.quoteNumber, { message: 'A quote number looks like Q-2026-000045.' }),
});

export const quotesApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/quotes',
    summary: 'Turn the open cart into a numbered reseller quote valid for 30 days',
    tag: 'quotes',
    body: CreateQuoteRequest,
    response: Quote,
    status: 201,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/quotes',
    summary: "The partner's quotes, newest first; date range and search by number, customer name or email",
    tag: 'quotes',
    query: QuoteListQuery,
    response: QuoteList,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/quotes/:quoteNumber',
    summary: 'One quote with its lines and totals',
    tag: 'quotes',
    params: QuoteParams,
    response: Quote,
  }),
};
