import { z } from 'zod';
import { CustomerAccount, CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Currency, MinorAmount } from './money.ts';

export const LineKind = z.enum(['new', 'renewal', 'upgrade', 'downgrade']);
export type LineKind = z.infer<typeof LineKind>;

export const TermYears = z.union([z.literal(1), z.literal(2)]);

export const AddCartLineRequest = z
  .object({
    productCode: z.string().trim().toUpperCase().regex(identifierPatterns.productCode, {
      message: 'A product code is 2 to 6 upper-case letters or digits.',
    }),
    quantity: z
      .number()
      .int({ message: 'Enter a whole number of subscriptions.' })
      .min(1, { message: 'Enter at least 1 subscription.' })
      .max(10_000, { message: 'At most 10,000 subscriptions per line.' }),
    termYears: TermYears,
    serviceDomain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(identifierPatterns.serviceDomain, { message: 'Enter a domain such as acme.youtrack.cloud.' })
      .optional(),
  })
  .meta({ id: 'AddCartLineRequest' });
export type AddCartLineRequest = z.infer<typeof AddCartLineRequest>;

export const UpdateCartLineRequest = AddCartLineRequest.pick({ quantity: true, termYears: true }).meta({
  id: 'UpdateCartLineRequest',
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
});

export const CartLine = PricedLine.extend({ id: z.uuid() }).meta({ id: 'CartLine' });
export type CartLine = z.infer<typeof CartLine>;

export const Totals = z.object({
  listPriceMinor: MinorAmount,
  discountMinor: MinorAmount,
  totalMinor: MinorAmount,
});

export const Cart = z
  .object({
    customer: CustomerAccount,
    currency: Currency,
    discountPercent: z.number(),
    lines: z.array(CartLine),
    totals: Totals,
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof Cart>;

/** The cart belongs to the account the page shows; the server checks it is the one open in this session. */
const CartParams = z.object({ customerId: CustomerId });
const LineParams = z.object({ customerId: CustomerId, lineId: z.uuid() });

export const cartApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/customers/:customerId/cart',
    summary: 'The cart for the customer account open in this session',
    tag: 'cart',
    params: CartParams,
    response: Cart,
  }),
  addLine: endpoint({
    method: 'POST',
    path: '/api/customers/:customerId/cart/lines',
    summary:
      'Add new subscriptions of a product to the cart (the same product and term again adds to that line)',
    tag: 'cart',
    params: CartParams,
    body: AddCartLineRequest,
    response: Cart,
    status: 201,
  }),
  updateLine: endpoint({
    method: 'PATCH',
    path: '/api/customers/:customerId/cart/lines/:lineId',
    summary: 'Change the quantity or term of a cart line',
    tag: 'cart',
    params: LineParams,
    body: UpdateCartLineRequest,
    response: Cart,
  }),
  removeLine: endpoint({
    method: 'DELETE',
    path: '/api/customers/:customerId/cart/lines/:lineId',
    summary: 'Remove a line from the cart',
    tag: 'cart',
    params: LineParams,
    response: Cart,
  }),
};
