import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCustomer, createTestPartner, type TestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { sessionFrom, type TestSession } from '../../test/session.ts';
import { SmtpSink } from '../../test/smtp-sink.ts';
import { smtpTransport, startMailDelivery } from '../mail/delivery.ts';

let t: TestApp;
let smtp: SmtpSink;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SmtpSink();
  await smtp.start();
  await startMailDelivery(t.jobs, t.db, smtpTransport(smtp.url), { from: 'Portal <no-reply@portal.test>' });
  partner = await createTestPartner(t.db, t.app, { name: 'Granted Reseller' });
  customer = await createTestCustomer(t.db, { name: 'Admin Account Co' });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const askLink = (customerId: string, email: string) =>
  t.app.inject({ method: 'POST', url: '/api/account-admin/links', payload: { customerId, email } });

/** Asks for the link as the admin, reads it from the email, and signs in with it. */
async function signIn(): Promise<TestSession> {
  const before = smtp.messages.length;
  expect((await askLink(customer.customerId, customer.email)).statusCode).toBe(202);
  const mail = (await smtp.waitFor(before + 1))[before];
  const token = /\/account-admin\/sign-in\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
  const res = await t.app.inject({ method: 'POST', url: '/api/account-admin/sessions', payload: { token } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionFrom(t.app, res);
}

describe('the account admin', () => {
  it('gets a sign-in link by email only as an admin contact; the answer is the same for anyone', async () => {
    const wrong = await askLink(customer.customerId, 'someone@else.test');
    const unknown = await askLink('1000000', customer.email);
    expect(wrong.statusCode).toBe(202);
    expect(unknown.json()).toEqual(wrong.json());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messages).toHaveLength(0);

    const admin = await signIn();
    expect(smtp.messages[0]?.subject).toBe(
      `Sign in to manage Admin Account Co (Customer ID ${customer.customerId})`,
    );
    const view = (await admin.get('/api/account-admin/account')).json();
    expect(view).toMatchObject({
      account: { customerId: customer.customerId },
      email: customer.email,
      purchasers: [],
    });
  });

  it('makes a partner Purchaser, found by name or by a user email; the partner opens the account at once', async () => {
    const admin = await signIn();
    const byName = (await admin.get('/api/account-admin/partners?q=granted%20res')).json().items;
    expect(byName).toEqual([expect.objectContaining({ partnerId: partner.id, name: 'Granted Reseller' })]);
    const byEmail = (
      await admin.get(`/api/account-admin/partners?q=${encodeURIComponent(partner.emails.sales)}`)
    ).json();
    expect(byEmail.items.map((p: { partnerId: string }) => p.partnerId)).toEqual([partner.id]);

    const sales = await partner.loginAs('sales');
    const open = { identifier: { kind: 'customerId', value: customer.customerId } };
    expect((await sales.post('/api/customers/open', open)).json()).toMatchObject({
      code: 'customer.email_required',
    });
    const granted = await admin.post('/api/account-admin/purchasers', { partnerId: partner.id });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().purchasers).toEqual([expect.objectContaining({ partnerId: partner.id })]);
    expect((await sales.post('/api/customers/open', open)).statusCode).toBe(200);
    expect((await sales.get('/api/customers/managed')).json().items).toEqual([
      expect.objectContaining({ customerId: customer.customerId }),
    ]);
    const audit = (
      await (await partner.loginAs('admin')).get('/api/partner/audit?action=customer.purchaser_granted')
    ).json();
    expect(audit.items[0]).toMatchObject({
      subject: expect.objectContaining({ id: customer.customerId }),
      details: { by: customer.email },
    });
  });

  it('withdraws the grant: the partner loses the account, and the history keeps both', async () => {
    const admin = await signIn();
    const withdrawn = await admin.delete(`/api/account-admin/purchasers/${partner.id}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().purchasers).toEqual([]);
    expect(withdrawn.json().history.map((h: { event: string }) => h.event)).toEqual(['withdrawn', 'granted']);
    const sales = await partner.loginAs('sales');
    const open = { identifier: { kind: 'customerId', value: customer.customerId } };
    expect((await sales.post('/api/customers/open', open)).json()).toMatchObject({
      code: 'customer.email_required',
    });
    expect((await admin.delete(`/api/account-admin/purchasers/${partner.id}`)).statusCode).toBe(404);
  });

  it('uses a link once, for an hour of a session that reaches nothing else', async () => {
    const before = smtp.messages.length;
    await askLink(customer.customerId, customer.email);
    const mail = (await smtp.waitFor(before + 1))[before];
    const token = /\/account-admin\/sign-in\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/account-admin/sessions',
      payload: { token },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/account-admin/sessions',
      payload: { token },
    });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(404);
    const admin = sessionFrom(t.app, first);
    expect((await admin.get('/api/quotes')).statusCode).toBe(403);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(403);
    expect((await (await partner.loginAs('admin')).get('/api/account-admin/account')).statusCode).toBe(403);
    t.clock.advanceMinutes(61);
    expect((await admin.get('/api/account-admin/account')).statusCode).toBe(401);
  });
});
