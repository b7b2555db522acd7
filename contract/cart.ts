import { z } from 'zod';
import { CustomerAccount, CustomerId, LicenseId, SubscriptionPackNumber } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { limits } from './limits.ts';
import { Currency, MinorAmount } from './money.ts';
import { formatted, requiredDisplayText } from './validation.ts';

export const LineKind = z.enum(['new', 'renewal', 'upgrade', 'downgrade']);
export type LineKind = z.infer<typeof LineKind>;

export const TermYears = z.literal([1, 2], { error: 'term_years' });

export const ProductCode = formatted(identifierPatterns.productCode, 'product_code', 'upper').meta({
  description: 'Product code: 2 to 6 upper-case letters or digits',
  example: 'WS',
});

export const Quantity = z
  .number({ error: (issue) => (issue.input === undefined ? 'required' : 'quantity_whole') })
  .int({ error: 'quantity_whole' })
  .min(1, { error: 'quantity_min' })
  .max(limits.quantityMax, { error: 'quantity_max' });

export const ServiceDomain = formatted(identifierPatterns.serviceDomain, 'service_domain', 'lower').meta({
  description: 'Cloud service domain',
  example: 'acme.youtrack.cloud',
});

export const AddCartLineRequest = z
  .strictObject({
    productCode: ProductCode,
    quantity: Quantity,
    termYears: TermYears,
    serviceDomain: ServiceDomain.optional(),
  })
  .meta({ id: 'AddCartLineRequest' });
export type AddCartLineRequest = z.infer<typeof AddCartLineRequest>;

/**
 * A line's quantity and period: a standard term (`termYears`, Set Default) or a chosen end date
 * (`periodEnd`, Set Custom: co-terming, SPEC §6), one or the other.
 */
export const UpdateCartLineRequest = z
  .strictObject({
    quantity: Quantity,
    termYears: TermYears.optional(),
    periodEnd: z.iso.date({ error: 'date' }).optional(),
  })
  .refine((line) => (line.termYears === undefined) !== (line.periodEnd === undefined), {
    error: 'term_or_end',
    path: ['periodEnd'],
  })
  .meta({ id: 'UpdateCartLineRequest' });

/** A line's list price, partner discount and total (minor units). */
export const LineAmounts = z.object({
  listMinor: MinorAmount,
  discountMinor: MinorAmount,
  totalMinor: MinorAmount,
});

/**
 * How an upgrade line reads (SPEC §11a): the new product's price for the period, then the credit
 * for the unused time of the subscription it replaces as its own row — positive amounts, taken
 * off — for `seats` seats until `until` (that subscription's end), then the line's total. Worked
 * out once on the server, so the screen and the PDFs show the same figures.
 */
export const LineBreakdown = z.object({
  price: LineAmounts,
  credit: LineAmounts.extend({
    productName: z.string(),
    seats: z.number().int(),
    days: z.number().int(),
    until: z.iso.date(),
  }),
  lineTotal: LineAmounts,
});

export const PricedLine = z.object({
  productCode: z.string(),
  productName: z.string(),
  kind: LineKind,
  quantity: z.number().int(),
  termYears: TermYears.nullable(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  serviceDomain: z.string().nullable(),
  /** Yearly list price of one seat. */
  unitListPriceMinor: MinorAmount,
  listPriceMinor: MinorAmount,
  discountMinor: MinorAmount,
  totalMinor: MinorAmount,
  perpetualFallback: z.boolean(),
  /** The License IDs a renewal, upgrade or downgrade line extends. */
  licenseIds: z.array(z.string()).optional(),
  /** The product an upgrade or downgrade leaves. */
  fromProduct: z.object({ productCode: z.string(), productName: z.string() }).optional(),
  /**
   * An upgrade's credit for the unused value of the subscription it replaces (SPEC §11a): its
   * yearly price × the days left / 365 per seat, at list and after the discount (amounts ≤ 0). The
   * line's amounts include it; it is shown as its own figure.
   */
  credit: z.object({ days: z.number().int(), listMinor: MinorAmount, totalMinor: MinorAmount }).optional(),
  /** An upgrade's price, credit and line total as rows to show (API answers only, never stored). */
  breakdown: LineBreakdown.optional(),
});

/**
 * Why a cart line cannot be quoted or ordered as it is: the product was withdrawn from the
 * catalog, it has no price in the partner's currency, or its chosen end date is no longer after
 * the day it would start. Such a line stays visible (never dropped
 * silently) with zero amounts until it is removed.
 */
export const CartLineIssue = z.enum(['product_withdrawn', 'no_price', 'period_ended']);
export type CartLineIssue = z.infer<typeof CartLineIssue>;

export const CartLine = PricedLine.extend({
  id: z.uuid(),
  issue: CartLineIssue.nullable(),
  /** The standard term Set Default returns a co-termed line to (its term when it was added). */
  defaultTermYears: TermYears.nullable(),
  /** An upgrade's own end (the old subscription's), which Set Default restores. */
  defaultPeriodEnd: z.iso.date().nullable(),
  /** The end dates Set Custom accepts for this line. */
  endRange: z.object({ min: z.iso.date(), max: z.iso.date() }),
}).meta({
  id: 'CartLine',
});
export type CartLine = z.infer<typeof CartLine>;

export const Totals = z
  .object({
    listPriceMinor: MinorAmount,
    discountMinor: MinorAmount,
    totalMinor: MinorAmount,
    /** The upgrade credits the amounts include, after the discount (≤ 0; SPEC §11a). */
    creditMinor: MinorAmount,
  })
  .meta({ id: 'Totals' });

/**
 * The Details tab's choices (SPEC §4): the team that receives the new licenses (an existing team
 * of the account, a new one by name, or none: the account's default) and the subscription pack
 * (an existing pack of the account, or null: a new pack). Kept with the cart, copied to the quote.
 */
export const CartDetails = z
  .object({
    team: z.object({ id: z.uuid().nullable(), name: z.string() }).nullable(),
    pack: z.object({ packNumber: z.string() }).nullable(),
  })
  .meta({ id: 'CartDetails' });
export type CartDetails = z.infer<typeof CartDetails>;

const LicenseIds = z.array(LicenseId).min(1).max(limits.quantityMax);

/**
 * What Search licenses puts in the cart for licenses of the open account (SPEC §5, §11a), one line
 * per product and period:
 * - `renewal`: the same product from the old end date, for the term;
 * - `upgrade`: the All Products Pack from today to the old end date, the unused value credited;
 * - `downgrade`: an All Products Pack renewed as a single product, from the old end date.
 */
export const AddLicenseLinesRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('renewal'), licenseIds: LicenseIds, termYears: TermYears }),
    z.strictObject({ kind: z.literal('upgrade'), licenseIds: LicenseIds }),
    z.strictObject({
      kind: z.literal('downgrade'),
      licenseIds: LicenseIds,
      productCode: ProductCode,
      termYears: TermYears,
    }),
  ])
  .meta({ id: 'AddLicenseLinesRequest' });
export type AddLicenseLinesRequest = z.infer<typeof AddLicenseLinesRequest>;

export const SetCartDetailsRequest = z
  .strictObject({
    /** `none`: the licenses go to the account's default team. */
    team: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('none') }),
      z.strictObject({ kind: z.literal('existing'), teamId: z.uuid({ error: 'invalid' }) }),
      z.strictObject({ kind: z.literal('new'), name: requiredDisplayText(100) }),
    ]),
    pack: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('new') }),
      z.strictObject({ kind: z.literal('existing'), packNumber: SubscriptionPackNumber }),
    ]),
  })
  .meta({ id: 'SetCartDetailsRequest' });

export const Cart = z
  .object({
    customer: CustomerAccount,
    details: CartDetails,
    currency: Currency,
    discountPercent: z.number(),
    lines: z.array(CartLine),
    totals: Totals,
    /** What this user may do with the cart now, as the server would decide it. */
    actions: z.object({ getQuote: z.boolean() }).meta({ id: 'CartActions' }),
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof Cart>;

/** The cart belongs to the account the page shows; the server checks it is the one open in this session. */
const CartParams = z.strictObject({ customerId: CustomerId });
const LineParams = z.strictObject({ customerId: CustomerId, lineId: z.uuid({ error: 'invalid' }) });

export const cartApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/customers/:customerId/cart',
    operationId: 'getCart',
    summary: 'The cart for the customer account open in this session',
    tag: 'cart',
    params: CartParams,
    response: Cart,
  }),
  addLine: endpoint({
    method: 'POST',
    path: '/api/customers/:customerId/cart/lines',
    operationId: 'addCartLine',
    summary:
      'Add new subscriptions of a product to the cart (the same product, term and domain again adds to that line)',
    tag: 'cart',
    params: CartParams,
    body: AddCartLineRequest,
    response: Cart,
    status: 201,
    idempotent: true,
  }),
  addRenewals: endpoint({
    method: 'POST',
    path: '/api/customers/:customerId/cart/renewals',
    operationId: 'addRenewals',
    summary:
      'Renew, upgrade or downgrade licenses of the open account: a line per product and period, as the renewal rules allow today',
    tag: 'cart',
    params: CartParams,
    body: AddLicenseLinesRequest,
    response: Cart,
    status: 201,
    idempotent: true,
  }),
  updateLine: endpoint({
    method: 'PATCH',
    path: '/api/customers/:customerId/cart/lines/:lineId',
    operationId: 'updateCartLine',
    summary:
      'Change the quantity and the period of a cart line: a term of 1 or 2 years (Set Default) or a chosen end date (Set Custom), priced by days',
    tag: 'cart',
    params: LineParams,
    body: UpdateCartLineRequest,
    response: Cart,
  }),
  setDetails: endpoint({
    method: 'PUT',
    path: '/api/customers/:customerId/cart/details',
    operationId: 'setCartDetails',
    summary: 'Choose the team that receives the new licenses and the subscription pack they join',
    tag: 'cart',
    params: CartParams,
    body: SetCartDetailsRequest,
    response: Cart,
  }),
  removeLine: endpoint({
    method: 'DELETE',
    path: '/api/customers/:customerId/cart/lines/:lineId',
    operationId: 'removeCartLine',
    summary: 'Remove a line from the cart',
    tag: 'cart',
    params: LineParams,
    response: Cart,
  }),
};
