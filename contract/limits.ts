/**
 * Every limit the API enforces, in one place: the server validates with them, the web app shows
 * them, and the OpenAPI document publishes them. Change a limit here and both sides follow.
 */
export const limits = {
  /** Subscriptions on one cart line (SPEC §4). */
  quantityMax: 10_000,
  /** Lines in one cart: a cart is a working list, not a bulk import. */
  cartLinesMax: 100,
  /** Shortest "contains" search: fewer characters would match most rows and use no index. */
  searchMinLength: 3,
  searchMaxLength: 200,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  /** Deepest page of a list: beyond it the search should be narrowed, not paged through. */
  pageMax: 500,
  /** Dates a filter may name; anything else is a typing error, not a search. */
  dateMin: '2000-01-01',
  dateMax: '2099-12-31',
  /** Set Custom reaches at most this many years past a line's start: co-terming aligns, it does not extend. */
  customPeriodMaxYears: 3,
  /** Quotes are valid 30 days (SPEC §11a). */
  quoteValidityDays: 30,
  /** An Idempotency-Key is remembered this long per user. */
  idempotencyHours: 24,
  idempotencyKeyMaxLength: 255,
} as const;
