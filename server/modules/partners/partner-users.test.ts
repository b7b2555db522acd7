import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPartner, TEST_PASSWORD, type TestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login, loginRequest, type TestSession } from '../../test/session.ts';
import { SmtpSink } from '../../test/smtp-sink.ts';
import { smtpTransport, startMailDelivery } from '../mail/delivery.ts';

let t: TestApp;
let smtp: SmtpSink;
let partner: TestPartner;
let admin: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SmtpSink();
  await smtp.start();
  await startMailDelivery(t.jobs, t.db, smtpTransport(smtp.url), { from: 'Portal <no-reply@portal.test>' });
  partner = await createTestPartner(t.db, t.app, { name: 'Users & Co' });
  admin = await partner.loginAs('admin');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const users = async (who: TestSession = admin) => (await who.get('/api/partner/users')).json().items;
const byEmail = async (email: string) =>
  (await users()).find((u: { email: string }) => u.email === email) as {
    id: string;
    status: string;
    role: string;
    actions: { changeRole: boolean; deactivate: boolean };
  };

describe("a partner's users", () => {
  it('invites a user by email: a one-time link sets the password, then they log in', async () => {
    const res = await admin.post('/api/partner/users', {
      email: 'New.Hire@Users.test',
      name: 'New Hire',
      role: 'sales',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Pending beside the users, not one of them until the password is chosen.
    expect(res.json().invitations).toEqual([
      expect.objectContaining({
        email: 'new.hire@users.test',
        name: 'New Hire',
        role: 'sales',
        expired: false,
      }),
    ]);
    expect(await byEmail('new.hire@users.test')).toBeUndefined();
    expect((await loginRequest(t.app, 'new.hire@users.test', TEST_PASSWORD)).statusCode).toBe(401);

    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toContain('invited you to Partner Portal for Users & Co');
    const link = /http:\/\/portal\.test\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(link).not.toBe('');
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${link}` })).json()).toEqual({
      email: 'new.hire@users.test',
      name: 'New Hire',
      partnerName: 'Users & Co',
      emailHasLogin: false,
    });
    const short = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${link}`,
      payload: { password: 'short' },
    });
    expect(short.json()).toMatchObject({ code: 'validation.password_short', field: 'password' });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${link}`,
      payload: { password: 'a long enough password' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${link}`,
      payload: { password: 'another long password' },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'link.not_found' });
    const hire = await login(t.app, 'new.hire@users.test', 'a long enough password');
    expect((await hire.get('/api/auth/me')).json().user).toMatchObject({ role: 'sales', name: 'New Hire' });
    expect(await byEmail('new.hire@users.test')).toMatchObject({ status: 'active', role: 'sales' });
    expect((await admin.get('/api/partner/users')).json().invitations).toEqual([]);
  });

  it('refuses an email that already has a login, and an invitation link that is made up', async () => {
    const taken = await admin.post('/api/partner/users', {
      email: partner.emails.sales,
      name: 'Again',
      role: 'sales',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'user.email_taken', field: 'email' });
    const made = await t.app.inject({ method: 'GET', url: `/api/invitations/${'x'.repeat(43)}` });
    expect(made.statusCode).toBe(404);
  });

  it("changes a user's role at once, never the admin's own", async () => {
    const sales = await partner.loginAs('sales');
    const target = await byEmail(partner.emails.sales);
    const changed = await admin.put(`/api/partner/users/${target.id}/role`, { role: 'billing' });
    expect(changed.statusCode, changed.body).toBe(200);
    // The live session of that user has the new role's rights from the next request on.
    expect((await sales.get('/api/invoices')).statusCode).toBe(200);
    expect((await sales.get('/api/quotes')).statusCode).toBe(403);
    const self = await byEmail(partner.emails.admin);
    // The list says so before anyone tries: the policy the change is refused by.
    expect(self.actions).toEqual({ changeRole: false, deactivate: false });
    expect(target.actions).toEqual({ changeRole: true, deactivate: true });
    const own = await admin.put(`/api/partner/users/${self.id}/role`, { role: 'sales' });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'user.yourself' });
    await admin.put(`/api/partner/users/${target.id}/role`, { role: 'sales' });
  });

  it('deactivates a user: their session ends at once and they can no longer log in', async () => {
    const billing = await partner.loginAs('billing');
    expect((await billing.get('/api/invoices')).statusCode).toBe(200);
    const target = await byEmail(partner.emails.billing);
    const res = await admin.post(`/api/partner/users/${target.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    const deactivated = await byEmail(partner.emails.billing);
    expect(deactivated).toMatchObject({
      status: 'deactivated',
      actions: { changeRole: false, deactivate: false },
    });
    const again = await admin.put(`/api/partner/users/${target.id}/role`, { role: 'sales' });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'user.not_found' });
    expect((await billing.get('/api/invoices')).statusCode).toBe(401);
    expect((await loginRequest(t.app, partner.emails.billing, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('keeps an administrator when two admins demote each other at once', async () => {
    const pair = await createTestPartner(t.db, t.app);
    const first = await pair.loginAs('admin');
    const ids = Object.fromEntries(
      (await first.get('/api/partner/users'))
        .json()
        .items.map((u: { email: string; id: string }) => [u.email, u.id]),
    );
    await first.put(`/api/partner/users/${ids[pair.emails.sales]}/role`, { role: 'admin' });
    const second = await pair.loginAs('sales');
    const answers = await Promise.all([
      first.put(`/api/partner/users/${ids[pair.emails.sales]}/role`, { role: 'sales' }),
      second.put(`/api/partner/users/${ids[pair.emails.admin]}/role`, { role: 'sales' }),
    ]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses[0]).toBe(200);
    // The other is refused: the last admin stays, or its sender is no longer an admin.
    expect([403, 409]).toContain(statuses[1]);
    const winner = answers[0]?.statusCode === 200 ? first : second;
    const left = (await winner.get('/api/partner/users')).json().items;
    expect(left.filter((u: { role: string }) => u.role === 'admin')).toHaveLength(1);
  });

  it('is for admins; another partner cannot reach these users', async () => {
    const sales = await partner.loginAs('sales');
    expect((await sales.get('/api/partner/users')).statusCode).toBe(403);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    const target = await byEmail(partner.emails.sales);
    const res = await other.post(`/api/partner/users/${target.id}/deactivate`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'user.not_found' });
  });
});

describe("the partner's audit log", () => {
  it('lists what happened, newest first, by action and by user or subject', async () => {
    const all = (await admin.get('/api/partner/audit')).json();
    expect(all.total).toBeGreaterThan(3);
    const users = (await admin.get('/api/partner/audit?action=user.')).json().items;
    expect(users.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'user.invited',
        'user.invitation_accepted',
        'user.role_changed',
        'user.deactivated',
      ]),
    );
    expect(users[0].occurredAt >= users.at(-1).occurredAt).toBe(true);
    const invited = (await admin.get('/api/partner/audit?action=user.invited&q=new.hire')).json().items;
    expect(invited).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'partner_user', id: 'new.hire@users.test' }),
        actor: expect.objectContaining({ kind: 'partner_user', email: partner.emails.admin }),
      }),
    ]);
    expect((await admin.get('/api/partner/audit?action=Bad%20Action')).statusCode).toBe(400);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await other.get('/api/partner/audit?action=user.invited')).json().total).toBe(0);
  });
});
