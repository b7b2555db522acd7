import type { z } from 'zod';
import type { PricedLine } from '../../contract/cart.ts';
import type { Db, Tx } from '../db/client.ts';
import { addDays, addYears, todayUtc } from '../lib/dates.ts';
import { findProductForSale } from '../modules/catalog/catalog.service.ts';
import { applyCreditNote, createInvoice } from '../modules/invoices/invoices.service.ts';
import { createSubscriptionPack, issueLicenses } from '../modules/licenses/licenses.service.ts';
import { orderNumberTaken, recordOrder } from '../modules/orders/orders.service.ts';
import { recordPayment } from '../modules/payments/payments.service.ts';
import { grantsPerpetualFallback, priceTerms } from '../shared/line-pricing.ts';

const DAY_MS = 86_400_000;

/** Demo Reseller's orders for Globex Ltda (README): one invoice of each kind the Invoices tab tells apart. */
export const demoOrders = [
  {
    orderNumber: 'R-2026-000101',
    invoiceNumber: 'INV-2026-000101',
    productCode: 'DG',
    quantity: 5,
    daysAgo: 20,
    poNumber: 'PO-GLX-2026-01',
    settlement: 'paid online',
  },
  {
    orderNumber: 'R-2026-000102',
    invoiceNumber: 'INV-2026-000102',
    productCode: 'RD',
    quantity: 2,
    daysAgo: 10,
    poNumber: null,
    settlement: 'unpaid',
  },
  {
    orderNumber: 'R-2026-000103',
    invoiceNumber: 'INV-2026-000103',
    productCode: 'CL',
    quantity: 3,
    daysAgo: 45,
    poNumber: 'PO-GLX-2026-02',
    settlement: 'unpaid',
  },
  {
    orderNumber: 'R-2026-000104',
    invoiceNumber: 'INV-2026-000104',
    productCode: 'PS',
    quantity: 1,
    // Inside its renewal window (ends in 65 days): Renew from this order fills the cart.
    daysAgo: 300,
    poNumber: 'PO-GLX-2026-03',
    settlement: 'credited',
    creditNoteNumber: 'CN-2026-000001',
  },
] as const;

/**
 * Demo Reseller's orders for Globex (issue 10), dated from the day the demo data is loaded: a paid
 * invoice, an unpaid one not yet due, an overdue one (due 15 days ago) and one settled by a credit
 * note (its PhpStorm license inside its renewal window); with and without PO numbers. Built from the same pieces Place order uses (order, licenses,
 * invoice, payment), priced by the one pricing rule. Added after the first release of the demo
 * data: a demo database from before gets them too.
 */
export async function addDemoOrders(
  db: Db,
  input: { partnerId: string; customerAccountId: string; discountBps: number; now: Date },
): Promise<void> {
  if (await orderNumberTaken(db, demoOrders[0].orderNumber)) return;
  await db.transaction(async (tx) => {
    for (const spec of demoOrders) await addDemoOrder(tx, input, spec);
  });
}

async function addDemoOrder(
  tx: Tx,
  input: { partnerId: string; customerAccountId: string; discountBps: number; now: Date },
  spec: (typeof demoOrders)[number],
): Promise<void> {
  const placedAt = new Date(input.now.getTime() - spec.daysAgo * DAY_MS);
  const placedOn = todayUtc(placedAt);
  const product = await findProductForSale(tx, spec.productCode, 'USD');
  if (!product) throw new Error(`the demo catalog has no ${spec.productCode} in USD`);
  const periodEnd = addYears(placedOn, 1);
  const terms = { quantity: spec.quantity, termYears: 1 as const, periodStart: placedOn, periodEnd };
  const price = priceTerms(terms, product.yearlyListMinor, input.discountBps);
  const line: z.input<typeof PricedLine> = {
    productCode: product.code,
    productName: product.name,
    kind: 'new',
    ...terms,
    serviceDomain: null,
    unitListPriceMinor: product.yearlyListMinor,
    listPriceMinor: price.listMinor,
    discountMinor: price.discountMinor,
    totalMinor: price.totalMinor,
    perpetualFallback: grantsPerpetualFallback(product.kind, placedOn, periodEnd),
  };
  const endUser = { name: 'Globex Licensing', email: 'licensing@globex.test' };
  const order = await recordOrder(tx, {
    orderNumber: spec.orderNumber,
    partnerId: input.partnerId,
    customerAccountId: input.customerAccountId,
    poNumber: spec.poNumber,
    currency: 'USD',
    totalMinor: price.totalMinor,
    createdAt: placedAt,
    document: { lines: [line], endUser },
    lines: [
      {
        productCode: product.code,
        kind: 'new',
        quantity: spec.quantity,
        periodStart: placedOn,
        periodEnd,
        listMinor: price.listMinor,
        discountMinor: price.discountMinor,
        totalMinor: price.totalMinor,
      },
    ],
  });
  const pack = await createSubscriptionPack(tx, {
    customerAccountId: input.customerAccountId,
    createdAt: placedAt,
  });
  await issueLicenses(tx, {
    customerAccountId: input.customerAccountId,
    subscriptionPackId: pack.id,
    productCode: product.code,
    periodStart: placedOn,
    periodEnd,
    orderId: order.id,
    ...(order.lineIds[0] ? { orderLineId: order.lineIds[0] } : {}),
    seats: Array.from({ length: spec.quantity }, () => ({})),
  });
  const paid = spec.settlement === 'paid online';
  const invoice = await createInvoice(tx, {
    invoiceNumber: spec.invoiceNumber,
    partnerId: input.partnerId,
    orderId: order.id,
    customerAccountId: input.customerAccountId,
    poNumber: spec.poNumber,
    endUserEmail: endUser.email,
    currency: 'USD',
    amountMinor: price.totalMinor,
    paid,
    today: placedOn,
    now: placedAt,
  });
  if (paid) {
    await recordPayment(tx, {
      partnerId: input.partnerId,
      orderId: order.id,
      provider: 'sandbox',
      reference: `demo-${spec.orderNumber}`,
      amountMinor: price.totalMinor,
      currency: 'USD',
      brand: 'visa',
      last4: '4242',
      now: placedAt,
    });
  }
  if (spec.settlement === 'credited') {
    await applyCreditNote(tx, {
      invoiceId: invoice.id,
      reason: 'Goodwill credit: delivery was late',
      today: addDays(placedOn, 5),
      now: new Date(placedAt.getTime() + 5 * DAY_MS),
      creditNoteNumber: spec.creditNoteNumber,
    });
  }
}
