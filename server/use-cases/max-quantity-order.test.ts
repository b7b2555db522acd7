import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../contract/limits.ts';
import { licensePeriods, mailOutbox, orders } from '../db/schema/index.ts';
import { openLicenseKey } from '../shared/license-key-vault.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  openAccount,
  quoteInput,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';

/**
 * The largest line the contract takes, bought end to end through the API. One row per seat
 * (licenses, their periods) used to go into one INSERT: past PostgreSQL's 65,535 bind parameters,
 * and deep enough to overflow the stack while Drizzle built it — a 500 after the card was charged.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('an order of the largest quantity a line takes', () => {
  it(`issues ${limits.quantityMax.toLocaleString('en')} licenses, sends them to the licensee and renews them all`, {
    timeout: 120_000,
  }, async () => {
    const partner = await createTestPartner(t.db, t.app);
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(session, customer);
    const added = await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'II',
      quantity: limits.quantityMax,
      termYears: 1,
    });
    expect(added.statusCode, added.body).toBe(201);
    const tooMany = await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'II',
      quantity: 1,
      termYears: 1,
    });
    expect(tooMany.json()).toMatchObject({ code: 'validation.quantity_max' });
    const quote = await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() });
    expect(quote.statusCode, quote.body).toBe(201);
    expect(quote.json().lines[0].quantity).toBe(limits.quantityMax);

    const placed = await session.post('/api/orders', {
      quoteNumber: quote.json().quoteNumber,
      payment: { method: 'card', token: await createTestCardToken(t.app) },
    });
    expect(placed.statusCode, placed.body.slice(0, 300)).toBe(201);
    const { orderNumber } = placed.json();
    expect(placed.json().invoice).toMatchObject({
      status: 'paid',
      amountMinor: quote.json().totals.totalMinor,
    });

    const order = (await session.get(`/api/orders/${orderNumber}`)).json();
    const licenseIds = new Set(order.licenses.map((l: { licenseId: string }) => l.licenseId));
    expect(licenseIds.size).toBe(limits.quantityMax);
    expect(order.licenses.every((l: { key: string | null }) => l.key !== null)).toBe(true);
    const [row] = await t.db
      .select({ periods: sql<number>`count(*)::int` })
      .from(licensePeriods)
      .innerJoin(orders, eq(orders.id, licensePeriods.orderId))
      .where(eq(orders.orderNumber, orderNumber));
    expect(row?.periods).toBe(limits.quantityMax);

    const sent = await session.post(`/api/orders/${orderNumber}/activation-email`);
    expect(sent.statusCode, sent.body).toBe(202);
    const [email] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subjectRef, `activation:${orderNumber}`));
    const body = openLicenseKey(email?.textBody ?? '');
    expect(body).toContain(order.licenses[0].key);
    expect(body).toContain(order.licenses.at(-1).key);

    // In the renewal window, Renew puts all of them in the cart: one line, renewed by one order.
    t.clock.advanceDays(300);
    const later = await partner.loginAs('sales');
    const renewal = await later.post(`/api/orders/${orderNumber}/renewal-cart`);
    expect(renewal.statusCode, renewal.body.slice(0, 300)).toBe(200);
    expect(renewal.json().added).toHaveLength(limits.quantityMax);
    const renewalQuote = await later.post('/api/quotes', {
      customerId: customer.customerId,
      ...quoteInput(),
    });
    expect(renewalQuote.statusCode, renewalQuote.body.slice(0, 300)).toBe(201);
    expect(renewalQuote.json().lines).toMatchObject([{ kind: 'renewal', quantity: limits.quantityMax }]);
    const renewed = await later.post('/api/orders', {
      quoteNumber: renewalQuote.json().quoteNumber,
      payment: { method: 'card', token: await createTestCardToken(t.app) },
    });
    expect(renewed.statusCode, renewed.body.slice(0, 300)).toBe(201);
    const renewedOrder = (await later.get(`/api/orders/${renewed.json().orderNumber}`)).json();
    expect(renewedOrder.licenses).toHaveLength(limits.quantityMax);
    const newEnd = renewalQuote.json().lines[0].periodEnd;
    const [extended] = await t.db
      .select({ periods: sql<number>`count(*)::int` })
      .from(licensePeriods)
      .innerJoin(orders, eq(orders.id, licensePeriods.orderId))
      .where(and(eq(orders.orderNumber, renewed.json().orderNumber), eq(licensePeriods.periodEnd, newEnd)));
    expect(extended?.periods).toBe(limits.quantityMax);
  });
});
