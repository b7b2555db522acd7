import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema/index.ts';
import {
  createTestCustomer,
  createTestPartner,
  createTestStaff,
  openAccount,
  placeTestOrder,
  quoteFor,
  quoteInput,
  TEST_PASSWORD,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login, type TestSession } from '../../test/session.ts';
import { createPartnerUser } from '../partners/partners.service.ts';
import { emailSendLimits } from './send-limits.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const outboxSize = async () =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox))[0]?.n ?? 0;

/** A partner with credit terms (postpaid orders), one order and one open quote to send. */
async function partnerWithDocuments() {
  const partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  const admin = await partner.loginAs('admin');
  const customer = await createTestCustomer(t.db);
  const order = await placeTestOrder(admin, customer);
  const quote = await quoteFor(admin, customer);
  return {
    partner,
    admin,
    customer,
    orderNumber: order.orderNumber as string,
    quoteNumber: quote.quoteNumber as string,
  };
}

/** Each way a user sends email to an address a person names, as one request. */
function senders(
  who: TestSession,
  docs: { customer: { customerId: string; email: string }; orderNumber: string; quoteNumber: string },
) {
  let invited = 0;
  return {
    quoteCopy: () =>
      who.post(`/api/quotes/${docs.quoteNumber}/email`, { to: 'copy@customer.test', copy: 'internal' }),
    activation: () => who.post(`/api/orders/${docs.orderNumber}/activation-email`),
    resend: () => who.post(`/api/orders/${docs.orderNumber}/resend-licenses`),
    invitation: () => {
      invited += 1;
      return who.post('/api/partner/users', {
        email: `invitee.${invited}.${Date.now()}@limits.test`,
        name: 'Invitee',
        role: 'sales',
      });
    },
    quoteWithCopy: async () => {
      await openAccount(who, docs.customer);
      await who.post(`/api/customers/${docs.customer.customerId}/cart/lines`, {
        productCode: 'WS',
        quantity: 1,
        termYears: 1,
      });
      return who.post('/api/quotes', {
        customerId: docs.customer.customerId,
        ...quoteInput({ sendCopyTo: 'also@customer.test', sendCopyAs: 'internal' }),
      });
    },
  };
}

describe('emails sent to addresses a person names', () => {
  it(`stop at ${emailSendLimits.perUser.limit} an hour per user, whichever way they are sent, and nothing is queued past it`, async () => {
    const docs = await partnerWithDocuments();
    const send = senders(docs.admin, docs);
    const ways = [send.quoteCopy, send.activation, send.resend, send.invitation, send.quoteWithCopy];
    for (let i = 0; i < emailSendLimits.perUser.limit; i++) {
      const res = await (ways[i % ways.length] as () => Promise<{ statusCode: number; body: string }>)();
      expect(res.statusCode, `send ${i + 1}: ${res.body}`).toBeLessThan(300);
    }
    const queued = await outboxSize();
    const users = (await docs.admin.get('/api/partner/users')).json().items.length;
    const quotes = (await docs.admin.get('/api/quotes')).json().total;
    for (const way of ways) {
      const refused = await way();
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
      expect(refused.headers['retry-after']).toBeDefined();
    }
    expect(await outboxSize()).toBe(queued);
    expect((await docs.admin.get('/api/partner/users')).json().items).toHaveLength(users);
    expect((await docs.admin.get('/api/quotes')).json().total).toBe(quotes);

    // Another user of the partner has their own hour; the next hour the first user has a new one.
    const sales = await docs.partner.loginAs('sales');
    expect((await senders(sales, docs).quoteCopy()).statusCode).toBe(202);
    t.clock.advanceMinutes(60);
    expect((await send.quoteCopy()).statusCode).toBe(202);
  });

  it(`stop at ${emailSendLimits.perPartner.limit} an hour per partner, however many users share them`, async () => {
    const docs = await partnerWithDocuments();
    const users: TestSession[] = [docs.admin, await docs.partner.loginAs('sales')];
    while (users.length * emailSendLimits.perUser.limit <= emailSendLimits.perPartner.limit) {
      users.push(await extraSeller(docs.partner, users.length));
    }
    let sent = 0;
    for (const user of users) {
      const send = senders(user, docs);
      for (let i = 0; i < emailSendLimits.perUser.limit && sent < emailSendLimits.perPartner.limit; i++) {
        expect((await send.quoteCopy()).statusCode).toBe(202);
        sent += 1;
      }
    }
    const queued = await outboxSize();
    // The last user has sent fewer than their own limit, but the partner's hour is spent.
    const last = senders(users.at(-1) as TestSession, docs);
    expect((await last.quoteCopy()).statusCode).toBe(429);
    expect((await last.activation()).statusCode).toBe(429);
    expect(await outboxSize()).toBe(queued);
    // Another partner is not held back.
    const other = await partnerWithDocuments();
    expect((await senders(other.admin, other).quoteCopy()).statusCode).toBe(202);
  });

  it('count what is sent, not what is refused: a failed send does not spend the hour', async () => {
    const docs = await partnerWithDocuments();
    const send = senders(docs.admin, docs);
    for (let i = 0; i < emailSendLimits.perUser.limit + 5; i++) {
      const res = await docs.admin.post('/api/quotes/Q-2026-999999/email', {
        to: 'copy@customer.test',
        copy: 'internal',
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await send.quoteCopy()).statusCode).toBe(202);
  });

  it('hold for vendor staff creating partners, per staff member', async () => {
    const staff = await (await createTestStaff(t.db, t.app)).login();
    const create = (n: number) =>
      staff.post('/api/admin/partners', {
        name: `Limited Partner ${n} ${Date.now()}`,
        country: 'US',
        currency: 'USD',
        discountPercent: 10,
        creditTerms: false,
        admin: { email: `boss.${n}.${Date.now()}@limits.test`, name: 'Boss' },
      });
    for (let n = 0; n < emailSendLimits.perUser.limit; n++) expect((await create(n)).statusCode).toBe(201);
    const partners = (await staff.get('/api/admin/partners')).json().items.length;
    expect((await create(999)).statusCode).toBe(429);
    expect((await staff.get('/api/admin/partners')).json().items).toHaveLength(partners);
  });
});

async function extraSeller(partner: TestPartner, n: number): Promise<TestSession> {
  const email = `seller${n}.${partner.id.slice(0, 8)}@partner.test`;
  await createPartnerUser(t.db, {
    partnerId: partner.id,
    email,
    name: `Seller ${n}`,
    role: 'sales',
    password: TEST_PASSWORD,
  });
  return login(t.app, email, TEST_PASSWORD);
}
