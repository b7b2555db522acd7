import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestPartner,
  createTestStaff,
  placeTestOrder,
  quoteFor,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { sessionFrom, type TestSession } from '../../test/session.ts';
import { devMailboxTransport, startMailDelivery } from './delivery.ts';

let t: TestApp;
let staff: TestSession;
beforeAll(async () => {
  t = await startTestApp({ devMailbox: true });
  await startMailDelivery(t.jobs, t.db, devMailboxTransport(), {
    from: 'Partner Portal <no-reply@portal.test>',
  });
  staff = await (await createTestStaff(t.db, t.app)).login();
});
afterAll(() => t.close());

type Listed = { id: string; to: string; subject: string };

/** Waits (emails are sent after commit, by a job) until `found` picks something out of `read`. */
async function eventually<T>(read: () => Promise<T[]>, found: (item: T) => boolean): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const hit = (await read()).find(found);
    if (hit !== undefined) return hit;
    if (Date.now() > until) throw new Error('the email never arrived');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const listOf = async (session: TestSession): Promise<Listed[]> =>
  (await session.get('/api/dev/mailbox')).json().items;

/** Who of the partner's users, and vendor staff, list an email and may open it. */
async function readersOf(partner: TestPartner, id: string) {
  const sessions = {
    admin: await partner.loginAs('admin'),
    sales: await partner.loginAs('sales'),
    billing: await partner.loginAs('billing'),
    staff,
  };
  const readers: Record<string, { listed: boolean; opens: number }> = {};
  for (const [who, session] of Object.entries(sessions)) {
    readers[who] = {
      listed: (await listOf(session)).some((item) => item.id === id),
      opens: (await session.get(`/api/dev/mailbox/${id}`)).statusCode,
    };
  }
  return readers;
}

const adminLinks = (query: { customerId: string; email: string }) =>
  t.app.inject({ method: 'GET', url: '/api/dev/mailbox/account-admin', query });

async function mailboxOf(session: TestSession, count: number) {
  const until = Date.now() + 15_000;
  for (;;) {
    const items = (await session.get('/api/dev/mailbox')).json().items as { id: string; subject: string }[];
    if (items.length >= count || Date.now() > until) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the development mailbox (demo mode without SMTP)', () => {
  it('is in the back office too, for vendor staff', async () => {
    expect((await staff.get('/api/admin/auth/me')).json().features).toEqual({ devMailbox: true });
  });

  it("keeps the emails the portal sends, each partner's to itself, every partner's for vendor staff", async () => {
    const partner = await createTestPartner(t.db, t.app);
    const sales = await partner.loginAs('sales');
    expect((await sales.get('/api/auth/me')).json().features).toEqual({
      devMailbox: true,
      paypal: true,
      cardForm: true,
    });
    const quote = await quoteFor(
      sales,
      await createTestCustomer(t.db),
      quoteInput({ sendCopyTo: 'buyer@x.test', sendCopyAs: 'internal' }),
    );
    const [item] = await mailboxOf(sales, 1);
    expect(item).toMatchObject({
      subject: `Quote ${quote.quoteNumber} from ${partner.name}`,
      to: 'buyer@x.test',
      attachments: [`${quote.quoteNumber}-internal.pdf`],
    });
    const message = (await sales.get(`/api/dev/mailbox/${item?.id}`)).json();
    expect(message.html).toContain(`/quotes/${quote.quoteNumber}`);
    expect(message.text).toContain(quote.quoteNumber);

    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await other.get('/api/dev/mailbox')).json().items).toEqual([]);
    expect((await other.get(`/api/dev/mailbox/${item?.id}`)).statusCode).toBe(404);
    const staff = await (await createTestStaff(t.db, t.app)).login();
    expect((await staff.get('/api/dev/mailbox')).json().items.map((i: { id: string }) => i.id)).toContain(
      item?.id,
    );
  });

  it("opens an invitation only to the partner's admins: not to sales, billing or vendor staff", async () => {
    const partner = await createTestPartner(t.db, t.app);
    const admin = await partner.loginAs('admin');
    for (const [email, role] of [
      ['new.admin@invited.test', 'admin'],
      ['new.seller@invited.test', 'sales'],
    ]) {
      const res = await admin.post('/api/partner/users', { email, name: 'New User', role });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const to of ['new.admin@invited.test', 'new.seller@invited.test']) {
      const invitation = await eventually(
        () => listOf(admin),
        (item) => item.to === to,
      );
      const opened = (await admin.get(`/api/dev/mailbox/${invitation.id}`)).json();
      expect(opened.text).toMatch(/\/invitations\/[A-Za-z0-9_-]+/);
      // An admin invitation is never for a lower role, nor a sales one for another seller.
      expect(await readersOf(partner, invitation.id)).toEqual({
        admin: { listed: true, opens: 200 },
        sales: { listed: false, opens: 404 },
        billing: { listed: false, opens: 404 },
        staff: { listed: false, opens: 404 },
      });
    }
  });

  it('opens an email with license keys to the roles that see keys: not to billing or vendor staff', async () => {
    const partner = await createTestPartner(t.db, t.app, { creditTerms: true });
    const sales = await partner.loginAs('sales');
    const order = await placeTestOrder(
      sales,
      await createTestCustomer(t.db),
      quoteInput({ endUser: { name: 'Lee Licensee', email: 'lee@licensee.test' } }),
    );
    const sent = await sales.post(`/api/orders/${order.orderNumber}/activation-email`);
    expect(sent.statusCode, sent.body).toBe(202);
    const activation = await eventually(
      () => listOf(sales),
      (item) => item.subject === `Your licenses from ${partner.name}`,
    );
    const key = (await sales.get(`/api/orders/${order.orderNumber}`)).json().licenses[0].key as string;
    expect((await sales.get(`/api/dev/mailbox/${activation.id}`)).json().text).toContain(key);
    expect(await readersOf(partner, activation.id)).toEqual({
      admin: { listed: true, opens: 200 },
      sales: { listed: true, opens: 200 },
      billing: { listed: false, opens: 404 },
      staff: { listed: false, opens: 404 },
    });
    // Billing still reads the partner's emails that carry no secret.
    const billing = await partner.loginAs('billing');
    const placed = await eventually(
      () => listOf(billing),
      (item) => item.subject.startsWith(`Order ${order.orderNumber} placed`),
    );
    expect((await billing.get(`/api/dev/mailbox/${placed.id}`)).statusCode).toBe(200);
  });

  it("shows an account admin's sign-in link only logged out, on the demo page: to no partner user or vendor staff", async () => {
    const customer = await createTestCustomer(t.db);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/account-admin/links',
      payload: { customerId: customer.customerId, email: customer.email },
    });
    expect(asked.json()).toEqual({ sent: true, demoMailbox: true });
    const query = { customerId: customer.customerId, email: customer.email };
    const link = await eventually(
      async () => (await adminLinks(query)).json().items as (Listed & { text: string })[],
      () => true,
    );
    expect(link).toMatchObject({ to: customer.email, subject: expect.stringMatching(/^Sign in to manage/) });
    const token = /\/account-admin\/sign-in\/([A-Za-z0-9_-]+)/.exec(link.text)?.[1];
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/account-admin/sessions',
      payload: { token },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);

    expect((await listOf(staff)).map((item) => item.id)).not.toContain(link.id);
    expect((await staff.get(`/api/dev/mailbox/${link.id}`)).statusCode).toBe(404);
    const partnerAdmin = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await partnerAdmin.get(`/api/dev/mailbox/${link.id}`)).statusCode).toBe(404);
    // Signed in, the account admin has no mailbox either: the logged-out page is the way to the link.
    const accountAdmin = sessionFrom(t.app, signedIn);
    expect((await accountAdmin.get('/api/dev/mailbox')).statusCode).toBe(403);

    // Nothing for another address or account, and no other email to the same address.
    expect((await adminLinks({ ...query, email: 'someone@else.test' })).json().items).toEqual([]);
    expect((await adminLinks({ ...query, customerId: '1000000' })).json().items).toEqual([]);
    const seller = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const quote = await quoteFor(
      seller,
      customer,
      quoteInput({ sendCopyTo: customer.email, sendCopyAs: 'internal' }),
    );
    await eventually(
      () => listOf(seller),
      (item) => item.subject.startsWith(`Quote ${quote.quoteNumber}`),
    );
    expect((await adminLinks(query)).json().items.map((item: Listed) => item.id)).toEqual([link.id]);

    // A link asked for a while ago is no longer shown.
    t.clock.advanceMinutes(16);
    try {
      expect((await adminLinks(query)).json().items).toEqual([]);
    } finally {
      t.clock.advanceMinutes(-16);
    }
  });
});
