import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  quoteFor,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let billing: TestSession;

const cardToken = (number: string) => createTestCardToken(t.app, { number, expMonth: '7', expYear: '2031' });

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app);
  billing = await partner.loginAs('billing');
});
afterAll(() => t.close());

describe('stored payment methods', () => {
  it('stores cards by token, keeps one default, and removes them', async () => {
    const first = await billing.post('/api/payment-methods', { token: await cardToken('4242424242424242') });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      items: [
        {
          brand: 'visa',
          last4: '4242',
          expMonth: '07',
          expYear: '2031',
          isDefault: true,
          provider: 'sandbox',
        },
      ],
      actions: { manage: true },
    });
    const second = (
      await billing.post('/api/payment-methods', { token: await cardToken('5555555555554444') })
    ).json();
    expect(second.items.map((m: { last4: string; isDefault: boolean }) => [m.last4, m.isDefault])).toEqual([
      ['4242', true],
      ['4444', false],
    ]);
    const mastercard = second.items[1].id;
    const switched = (await billing.put(`/api/payment-methods/${mastercard}/default`)).json();
    expect(switched.items[0]).toMatchObject({ last4: '4444', isDefault: true });
    const removed = (await billing.delete(`/api/payment-methods/${mastercard}`)).json();
    expect(removed.items).toEqual([expect.objectContaining({ last4: '4242', isDefault: true })]);
  });

  it('lets sellers see and pay with them, not manage them; another partner cannot reach them', async () => {
    const admin = await partner.loginAs('admin');
    const list = (
      await admin.post('/api/payment-methods', { token: await cardToken('4242424242424242') })
    ).json();
    const method = list.items.at(-1).id;
    const sales = await partner.loginAs('sales');
    expect((await sales.get('/api/payment-methods')).json().actions).toEqual({ manage: false });
    expect(
      (await sales.post('/api/payment-methods', { token: await cardToken('4242424242424242') })).statusCode,
    ).toBe(403);
    expect((await sales.delete(`/api/payment-methods/${method}`)).statusCode).toBe(403);
    const rival = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await rival.delete(`/api/payment-methods/${method}`)).statusCode).toBe(404);

    const quote = await quoteFor(sales, await createTestCustomer(t.db));
    const order = await sales.post('/api/orders', {
      quoteNumber: quote.quoteNumber,
      payment: { method: 'stored', paymentMethodId: method },
    });
    expect(order.statusCode).toBe(201);
    expect(order.json().payment).toMatchObject({ brand: 'visa', last4: '4242' });

    await admin.delete(`/api/payment-methods/${method}`);
    const another = await quoteFor(sales, await createTestCustomer(t.db));
    const refused = await sales.post('/api/orders', {
      quoteNumber: another.quoteNumber,
      payment: { method: 'stored', paymentMethodId: method },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'payment_method.not_found' });
    expect((await sales.get(`/api/quotes/${another.quoteNumber}`)).json().status).toBe('open');
  });

  it('refuses a token the provider does not know, next to the field', async () => {
    const res = await billing.post('/api/payment-methods', { token: 'tok_unknownunknownunknown000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'payment_method.unknown_token', field: 'token' });
  });
});
