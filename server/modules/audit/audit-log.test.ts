import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let admin: TestSession;
let sales: TestSession;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let order: { orderNumber: string; quoteNumber: string; totalMinor: number; currency: string };

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { name: 'Words & Co', creditTerms: true });
  admin = await partner.loginAs('admin');
  sales = await partner.loginAs('sales');
  customer = await createTestCustomer(t.db, { name: 'Globex Ltda' });
  order = await placeTestOrder(sales, customer);
});
afterAll(async () => {
  await t.close();
});

const entries = async (query: string, who: TestSession = admin) => {
  const res = await who.get(`/api/partner/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Record<string, unknown>[];
};
const salesName = () => partner.emails.sales.replace(/^sales\.(\w+)@.*$/, 'sales $1');

describe('the audit log in words (issue 18)', () => {
  it('names who placed an order, for which account, for how much, with a link to the order', async () => {
    expect(await entries('action=order.placed')).toEqual([
      expect.objectContaining({
        action: 'order.placed',
        actor: { kind: 'partner_user', name: salesName(), email: partner.emails.sales },
        subject: { kind: 'order', id: order.orderNumber, name: null, link: `/orders/${order.orderNumber}` },
        account: { customerId: customer.customerId, name: 'Globex Ltda' },
        amount: { minor: order.totalMinor, currency: 'USD' },
      }),
    ]);
  });

  it('names the quote it came from and its account, linked to the quote', async () => {
    const [quote] = await entries(`action=quote.created&q=${order.quoteNumber}`);
    expect(quote).toMatchObject({
      subject: { kind: 'quote', id: order.quoteNumber, link: `/quotes/${order.quoteNumber}` },
      account: { name: 'Globex Ltda' },
      amount: { currency: 'USD' },
    });
  });

  it('names the account opened, and links it only when the partner manages it', async () => {
    const [opened] = await entries('action=customer.opened');
    expect(opened).toMatchObject({
      subject: { kind: 'customer_account', id: customer.customerId, link: null },
      account: { customerId: customer.customerId, name: 'Globex Ltda' },
      amount: null,
    });
  });

  it('never names the account of a failed attempt to open one', async () => {
    const res = await sales.post('/api/customers/open', {
      identifier: { kind: 'customerId', value: customer.customerId },
      email: 'not.the.contact@elsewhere.test',
    });
    expect(res.statusCode).not.toBe(200);
    const [failed] = await entries('action=customer.open_failed');
    expect(failed).toMatchObject({ subject: { kind: 'customer_account', link: null }, account: null });
  });

  it('names the user an entry is about, linked to the users page, and finds entries by a name', async () => {
    const users = (await admin.get('/api/partner/users')).json().items as { id: string; email: string }[];
    const billing = users.find((u) => u.email === partner.emails.billing);
    if (!billing) throw new Error('the billing user is missing');
    const res = await admin.put(`/api/partner/users/${billing.id}/role`, { role: 'sales' });
    expect(res.statusCode).toBe(200);
    const adminName = partner.emails.admin.replace(/^admin\.(\w+)@.*$/, 'admin $1');
    expect(await entries(`action=user.role_changed&q=${encodeURIComponent(adminName)}`)).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ kind: 'partner_user', name: adminName }),
        subject: {
          kind: 'partner_user',
          id: partner.emails.billing,
          name: partner.emails.billing.replace(/^billing\.(\w+)@.*$/, 'billing $1'),
          link: '/company/users',
        },
        account: null,
        amount: null,
        details: { from: 'billing', to: 'sales' },
      }),
    ]);
  });

  it("shows another partner nothing of this one's", async () => {
    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect(await entries(`q=${order.orderNumber}`, other)).toEqual([]);
  });

  it('counts the entries the filters keep on every page, past the last one too', async () => {
    const first = (await admin.get('/api/partner/audit?pageSize=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThan(1);
    const past = (await admin.get(`/api/partner/audit?pageSize=1&page=${first.total + 1}`)).json();
    expect(past).toMatchObject({ items: [], total: first.total });
  });
});
