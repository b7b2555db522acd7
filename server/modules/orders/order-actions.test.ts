import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { SmtpSink } from '../../test/smtp-sink.ts';
import { smtpTransport, startMailDelivery } from '../mail/delivery.ts';

let t: TestApp;
let smtp: SmtpSink;
let partner: TestPartner;
let sales: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SmtpSink();
  await smtp.start();
  await startMailDelivery(t.jobs, t.db, smtpTransport(smtp.url), { from: 'Portal <no-reply@portal.test>' });
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  sales = await partner.loginAs('sales');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const to = (mail: { to?: unknown }) => (mail.to as { text: string } | undefined)?.text;

describe('Resend licenses', () => {
  it('sends the licensee all the keys and each assigned user their own, over SMTP', async () => {
    const customer = await createTestCustomer(t.db);
    const order = await placeTestOrder(
      sales,
      customer,
      quoteInput({ endUser: { name: 'Lee Licensee', email: 'lee@buyer.test' } }),
    );
    const [first, second] = order.licenses as { licenseId: string }[];
    const assigned = await sales.put(
      `/api/customers/${customer.customerId}/licenses/${first?.licenseId}/assignment`,
      { email: 'Dev@Buyer.test' },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await sales.get(`/api/orders/${order.orderNumber}`)).json().licensesSentAt).toBeNull();

    const res = await sales.post(`/api/orders/${order.orderNumber}/resend-licenses`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().sentTo).toEqual(['lee@buyer.test', 'dev@buyer.test']);
    const view = (await sales.get(`/api/orders/${order.orderNumber}`)).json();
    expect(view.licensesSentAt).not.toBeNull();
    expect(view.licenses.find((l: { licenseId: string }) => l.licenseId === first?.licenseId)).toMatchObject({
      assignedTo: 'dev@buyer.test',
    });

    // The order-placed email to the seller, then the two license emails.
    const mails = (await smtp.waitFor(3)).filter((m) => m.subject === `Your licenses from ${partner.name}`);
    const licensee = mails.find((m) => to(m) === 'lee@buyer.test');
    const dev = mails.find((m) => to(m) === 'dev@buyer.test');
    const keyOf = (licenseId: string) =>
      view.licenses.find((l: { licenseId: string }) => l.licenseId === licenseId).key as string;
    expect(licensee?.text).toContain(keyOf(first?.licenseId ?? ''));
    expect(licensee?.text).toContain(keyOf(second?.licenseId ?? ''));
    expect(dev?.text).toContain(keyOf(first?.licenseId ?? ''));
    expect(dev?.text).not.toContain(keyOf(second?.licenseId ?? ''));
  });

  it('is refused to billing (read-only) and unknown to another partner', async () => {
    const order = await placeTestOrder(sales, await createTestCustomer(t.db));
    const billing = await partner.loginAs('billing');
    expect((await billing.post(`/api/orders/${order.orderNumber}/resend-licenses`)).statusCode).toBe(403);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    const foreign = await other.post(`/api/orders/${order.orderNumber}/resend-licenses`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'order.not_found' });
  });
});

describe('Renew from an order', () => {
  it('opens the account and puts the licenses in their window into the cart; the others say why', async () => {
    const customer = await createTestCustomer(t.db);
    const order = await placeTestOrder(sales, customer);
    const ids = (order.licenses as { licenseId: string }[]).map((l) => l.licenseId).sort();
    await sales.post('/api/customers/close');

    // A year's subscription bought today is not in its renewal window yet.
    const early = await sales.post(`/api/orders/${order.orderNumber}/renewal-cart`);
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json()).toMatchObject({ customer: { customerId: customer.customerId }, added: [] });
    expect(early.json().skipped).toEqual(
      ids.map((licenseId) =>
        expect.objectContaining({ licenseId, reason: 'not_renewable', standing: 'active' }),
      ),
    );
    expect((await sales.get('/api/auth/me')).json().openAccount).toMatchObject({
      customerId: customer.customerId,
    });

    // 300 days on, they are: Renew fills the cart (a new login: sessions end when idle).
    t.clock.advanceDays(300);
    const later = await partner.loginAs('sales');
    const renewed = (await later.post(`/api/orders/${order.orderNumber}/renewal-cart`)).json();
    expect(renewed).toMatchObject({ added: ids, skipped: [] });
    const cart = (await later.get(`/api/customers/${customer.customerId}/cart`)).json();
    expect(cart.lines).toEqual([
      expect.objectContaining({ kind: 'renewal', productCode: 'II', quantity: ids.length }),
    ]);
    // Again: they are in the cart already.
    const again = (await later.post(`/api/orders/${order.orderNumber}/renewal-cart`)).json();
    expect(again.added).toEqual([]);
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual(ids.map(() => 'in_cart'));
  });

  it('is refused to billing and unknown to another partner', async () => {
    const order = await placeTestOrder(await partner.loginAs('sales'), await createTestCustomer(t.db));
    const billing = await partner.loginAs('billing');
    expect((await billing.post(`/api/orders/${order.orderNumber}/renewal-cart`)).statusCode).toBe(403);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    expect((await other.post(`/api/orders/${order.orderNumber}/renewal-cart`)).statusCode).toBe(404);
  });
});
